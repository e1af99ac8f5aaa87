package org.egovsuite.spark;

import org.apache.spark.sql.SparkSession;

/** The only place that builds a SparkSession for the launcher. */
public final class SparkSessions implements SessionProvider {
  @Override
  public SparkSession open(SessionSettings settings) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(settings.appName())
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.showConsoleProgress", Boolean.toString(settings.showProgress()))
            // Timestamps as Parquet's INT64 microseconds, the type every current reader (DuckDB,
            // pyarrow) maps without the deprecated INT96: it is also cheaper to write, its
            // dictionary keyed by a long instead of a 12-byte binary (10M tickets: the standardised
            // rows written 3–10 s faster in three alternating pairs, BENCHMARKS.md). Spark reads
            // both.
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    if (settings.master() != null) {
      builder.master(settings.master());
    }
    settings.conf().forEach(builder::config);
    // Spark would replace ${env:…} and ${system:…} in SQL text, and so in rule expressions and
    // analysts' queries after they were checked: never, whatever the profile says.
    builder.config("spark.sql.variable.substitute", "false");
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
