package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.publish.CrashPoint;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing killed midway, in a separate JVM (halted at an injected point, as a kill stops it,
 * or killed outright while it publishes): every table stays readable on a complete version, the
 * files of the last good version are untouched, and the next publish cleans up and succeeds.
 */
@ExtendWith(SparkTest.class)
class PublishCrashTest {
  private static final List<String> TABLES = List.of("egdi_country", "egdi_summary", "data_dictionary");
  private final SparkSession spark;

  @TempDir
  Path dir;

  PublishCrashTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void aCrashAtAnyPointLeavesEveryTableOnACompleteVersion() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    assertThat(CliRun.in(home, wh, "run").exitCode()).isZero();
    Map<String, List<Row>> good = new HashMap<>();
    Map<String, String> goodFiles = new HashMap<>();
    for (String table : TABLES) {
      good.put(table, current(wh, table).collectAsList());
      goodFiles.put(table, digest(wh.resolve("tables").resolve(table).resolve("v000001")));
    }
    assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();

    // 1. Halted while staging the second table: the first was committed aside, nothing switched.
    assertThat(publishInChildJvm(home, wh, "sealed:egdi_summary", false)).isEqualTo(CrashPoint.EXIT);
    assertVersions(wh, Map.of("egdi_country", "v000001", "egdi_summary", "v000001", "data_dictionary", "v000001"));
    assertThat(wh.resolve("tables/egdi_summary/_staging")).isDirectory();   // the crash's leftovers
    assertReadableAndGood(wh, good);
    for (String table : TABLES) {
      assertThat(digest(wh.resolve("tables").resolve(table).resolve("v000001"))).as(table)
          .isEqualTo(goodFiles.get(table));
    }

    // 2. Halted between two pointer switches: one table on its new version, the others on the old.
    assertThat(publishInChildJvm(home, wh, "switched:egdi_country", false)).isEqualTo(CrashPoint.EXIT);
    assertVersions(wh, Map.of("egdi_country", "v000002", "egdi_summary", "v000001", "data_dictionary", "v000001"));
    assertReadableAndGood(wh, good);

    // The next publish discards what the crashes left ahead of each pointer and switches all.
    CliRun recovered = CliRun.in(home, wh, "publish");
    assertThat(recovered.exitCode()).as(recovered.err()).isZero();
    assertVersions(wh, Map.of("egdi_country", "v000003", "egdi_summary", "v000002", "data_dictionary", "v000002"));
    assertThat(wh.resolve("tables/egdi_summary/_staging")).doesNotExist();
    assertReadableAndGood(wh, good);

    // 3. Killed outright (SIGKILL) once publishing has started, wherever it is.
    assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
    assertThat(publishInChildJvm(home, wh, null, true)).isNotZero();
    for (String table : TABLES) {
      String version = Files.readString(wh.resolve("tables").resolve(table).resolve("CURRENT")).strip();
      assertThat(wh.resolve("tables").resolve(table).resolve(version).resolve("_lineage.json")).as(table).exists();
    }
    assertReadableAndGood(wh, good);
  }

  /**
   * Runs {@code egov publish} in its own JVM and returns its exit code.
   *
   * @param crashAt the injected crash point, or null
   * @param kill kill the JVM (destroyForcibly) as soon as it reports the publish stage started
   */
  private static int publishInChildJvm(Path home, Path wh, String crashAt, boolean kill) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens"))
        .forEach(command::add);
    command.addAll(List.of("-Duser.timezone=UTC", "-Degov.home=" + Projects.home()));
    if (crashAt != null) {
      command.add("-D" + CrashPoint.PROPERTY + "=" + crashAt);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EgovMain.class.getName(), "publish",
        "--conf", home.resolve("conf/pipeline.yaml").toString(), "--warehouse", wh.toString(), "--master", "local[1]"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (kill && line.contains("publish    start")) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as(output.toString()).isTrue();
    if (crashAt != null) {
      assertThat(output).contains("egov: crash injected at " + crashAt.replace(":", " (") + ")");
    }
    return child.exitValue();
  }

  private static void assertVersions(Path wh, Map<String, String> expected) throws IOException {
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Files.readString(wh.resolve("tables").resolve(e.getKey()).resolve("CURRENT")))
          .as(e.getKey()).isEqualTo(e.getValue() + "\n");
    }
  }

  /** Every table's current version reads back whole, with the rows of the last good run (same inputs). */
  private void assertReadableAndGood(Path wh, Map<String, List<Row>> good) {
    for (String table : TABLES) {
      Dataset<Row> now = current(wh, table);
      Dataset<Row> then = spark.createDataFrame(good.get(table), now.schema());
      assertThat(now.count()).as(table).isEqualTo(good.get(table).size());
      assertThat(now.exceptAll(then).count() + then.exceptAll(now).count()).as(table).isZero();
    }
  }

  private Dataset<Row> current(Path wh, String table) {
    return spark.read().parquet(BundledRun.current(wh, table));
  }

  /** SHA-256 over the relative paths and bytes of every file under a folder. */
  private static String digest(Path folder) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        sha.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
