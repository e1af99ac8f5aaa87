package org.egovsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** What every benchmark starts with: the project home, its work folder, one local session. */
final class BenchSetup {
  private BenchSetup() {}

  static Path home() {
    return Paths.get(System.getProperty("egov.home", ".")).toAbsolutePath();
  }

  /** {@code jobs/target/bench}, where generated inputs are kept between runs. */
  static Path work() throws IOException {
    return Files.createDirectories(home().resolve("jobs/target/bench"));
  }

  static SparkSession session(String name) {
    return SparkSession.builder()
        .master("local[*]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  static long arg(String[] args, int index, long defaultValue) {
    return args.length > index ? Long.parseLong(args[index]) : defaultValue;
  }
}
