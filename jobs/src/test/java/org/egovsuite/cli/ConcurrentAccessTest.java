package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.TableCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers and a reader at once on one warehouse: a second run stops at once while the first
 * holds the warehouse (the first finishes as if alone), and a publish completes while an analyst
 * holds the catalog open in a transaction and reads main's files in DuckDB — who keeps reading the
 * rows of the snapshot they opened.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
@ExtendWith(SparkTest.class)
class ConcurrentAccessTest {
  @TempDir Path dir;

  ConcurrentAccessTest(SparkSession spark) {
    // starts the JVM's SparkContext for the in-process runs
  }

  @Test
  void aSecondRunStopsAtOnceAndAQueryOpenDuringAPublishNeitherBlocksNorBreaksIt() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    ChildJvm first = ChildJvm.start(home, wh, null, null, "run");
    assertThat(first.awaitLine(line -> line.contains("ingest     start"), 120))
        .as(first.output())
        .isTrue();

    long started = System.nanoTime();
    CliRun second = CliRun.in(home, wh, "run");
    assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
    assertThat(second.err())
        .contains(
            "egov: error: warehouse " + wh + " is in use by run ",
            "(egov run, pid ",
            "nothing was done");
    assertThat((System.nanoTime() - started) / 1e9)
        .as("stops at once, before Spark works")
        .isLessThan(30);
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(Published.onMain(wh))
        .containsExactly("data_dictionary", "egdi_country", "egdi_summary");

    // An analyst's open catalog transaction (as pyiceberg's SQL catalog holds one while it reads)
    // and a DuckDB session on main's files of egdi_summary.
    String[] files = Published.files(wh, "egdi_summary");
    try (Connection catalog =
            DriverManager.getConnection("jdbc:sqlite:" + wh.resolve(TableCatalog.SQLITE_FILE));
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement analyst = duck.createStatement()) {
      catalog.setAutoCommit(false);
      try (ResultSet open =
          catalog.createStatement().executeQuery("SELECT count(*) FROM iceberg_tables")) {
        assertThat(open.next()).isTrue();
        assertThat(open.getInt(1)).isEqualTo(3);
      }
      analyst.execute(
          "CREATE VIEW summary AS SELECT * FROM read_parquet(["
              + Arrays.stream(files)
                  .map(f -> "'" + f.replaceFirst("^file:(//)?", "") + "'")
                  .collect(Collectors.joining(", "))
              + "])");
      assertThat(count(analyst)).isEqualTo(44);

      long before = Published.table(wh, "egdi_summary").currentSnapshot().snapshotId();
      assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
      CliRun publish = CliRun.in(home, wh, "publish");
      assertThat(publish.exitCode()).as(publish.err()).isZero();
      assertThat(Published.table(wh, "egdi_summary").currentSnapshot().snapshotId())
          .isNotEqualTo(before);
      // The analyst's snapshot is still whole: its files are kept (the last 3 snapshots are).
      assertThat(count(analyst)).isEqualTo(44);
      catalog.commit();
    }
  }

  private static long count(Statement duck) throws Exception {
    try (ResultSet rs = duck.executeQuery("SELECT count(*) FROM summary")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
