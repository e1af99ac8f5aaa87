package org.egovsuite.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The only place that builds a SparkSession for the launcher. */
public final class SparkSessions implements SessionProvider {
  /**
   * Settings every session of the suite starts with, the tests' session included; a profile may
   * change them. Timestamps are written as Parquet's INT64 microseconds, the type every current
   * reader (DuckDB, pyarrow) maps without the deprecated INT96: it is also cheaper to write, its
   * dictionary keyed by a long instead of a 12-byte binary (10M tickets: the standardised rows
   * written 3–10 s faster in three alternating pairs, BENCHMARKS.md). Spark reads both.
   */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "spark.sql.session.timeZone", "UTC",
          "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");

  /**
   * Settings no profile changes. Spark would replace ${env:…} and ${system:…} in SQL text, and so
   * in rule expressions and analysts' queries after they were checked: never.
   */
  public static final Map<String, String> ENFORCED =
      Map.of("spark.sql.variable.substitute", "false");

  @Override
  public SparkSession open(SessionSettings settings) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(settings.appName())
            .config("spark.ui.showConsoleProgress", Boolean.toString(settings.showProgress()));
    DEFAULTS.forEach(builder::config);
    if (settings.master() != null) {
      builder.master(settings.master());
    }
    settings.conf().forEach(builder::config);
    ENFORCED.forEach(builder::config);
    if (settings.master() != null && settings.master().startsWith("local")) {
      // Embedded runs stay on loopback and need no web UI.
      builder
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }

  @Override
  public void close(SparkSession session) {
    session.stop();
  }
}
