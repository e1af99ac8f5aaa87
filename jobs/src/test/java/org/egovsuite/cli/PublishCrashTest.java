package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.stage.IndicatorsReport;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.CrashPoint;
import org.egovsuite.warehouse.JsonFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing killed midway, in a JVM of its own (halted at an injected point as a kill stops it, or
 * killed outright by SIGKILL): main of every table stays on a complete snapshot that reads back
 * whole, and the next publish completes the run — the tables whose main had moved are left as they
 * are, the others are published.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
@ExtendWith(SparkTest.class)
class PublishCrashTest {
  private static final List<String> TABLES =
      List.of("data_dictionary", "egdi_country", "egdi_summary");
  private final SparkSession spark;

  @TempDir Path dir;

  PublishCrashTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void aKillAtAnyPointLeavesMainCompleteAndTheNextPublishCompletesTheRun() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    assertThat(CliRun.in(home, wh, "run").exitCode()).isZero();
    Map<String, List<Row>> good = new HashMap<>();
    Map<String, Long> first = mains(wh);
    for (String table : TABLES) {
      good.put(table, main(wh, table).collectAsList());
    }

    // 1. Halted after the audits, before main moved anywhere.
    Map<String, Long> staged = indicators(home, wh);
    ChildJvm audited = ChildJvm.start(home, wh, "audited", null, "publish");
    assertThat(audited.exitCode()).as(audited.output()).isEqualTo(CrashPoint.EXIT);
    assertThat(audited.output()).contains("egov: crash injected at audited (all)");
    assertThat(mains(wh)).isEqualTo(first);
    assertReadableAndGood(wh, good);

    // 2. Halted between two tables: egdi_country's main moved (tables publish in the run's order:
    // data_dictionary last), the others not yet.
    ChildJvm between = ChildJvm.start(home, wh, "published:egdi_country", null, "publish");
    assertThat(between.exitCode()).as(between.output()).isEqualTo(CrashPoint.EXIT);
    assertThat(mains(wh))
        .isEqualTo(
            Map.of(
                "egdi_country",
                staged.get("egdi_country"),
                "egdi_summary",
                first.get("egdi_summary"),
                "data_dictionary",
                first.get("data_dictionary")));
    assertReadableAndGood(wh, good);

    // The next publish completes the run: every main on the run's snapshot, exports and manifest
    // written.
    CliRun resumed = CliRun.in(home, wh, "publish");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("3 table(s) on main (1 published by an earlier, interrupted publish)");
    assertThat(mains(wh)).isEqualTo(staged);
    assertReadableAndGood(wh, good);
    assertThat(wh.resolve("exports/egdi_summary.csv")).exists();

    // 3. Killed outright (SIGKILL) once publishing has started, wherever it is by then.
    Map<String, Long> before = mains(wh);
    Map<String, Long> next = indicators(home, wh);
    ChildJvm killed =
        ChildJvm.start(home, wh, null, line -> line.contains("publish    start"), "publish");
    assertThat(killed.exitCode()).isNotZero();
    for (String table : TABLES) {
      assertThat(mains(wh).get(table)).as(table).isIn(before.get(table), next.get(table));
    }
    assertReadableAndGood(wh, good);
    CliRun after = CliRun.in(home, wh, "publish");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(mains(wh)).isEqualTo(next);
    assertReadableAndGood(wh, good);
  }

  /** Runs the indicators stage and returns the snapshot each table's run branch holds. */
  private static Map<String, Long> indicators(Path home, Path wh) {
    CliRun run = CliRun.in(home, wh, "indicators");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // _state/<stage>.json holds the stage's record under "report", with its format version
    IndicatorsReport report;
    try {
      report =
          JsonFiles.MAPPER.treeToValue(
              JsonFiles.MAPPER
                  .readTree(wh.resolve("_state/indicators.json").toFile())
                  .get("report"),
              IndicatorsReport.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Long> out = new HashMap<>();
    for (TableOutput t : report.tables()) {
      out.put(t.name(), t.snapshotId());
    }
    return out;
  }

  private static Map<String, Long> mains(Path wh) {
    Map<String, Long> out = new HashMap<>();
    for (String table : TABLES) {
      out.put(table, Published.table(wh, table).currentSnapshot().snapshotId());
    }
    return out;
  }

  /**
   * Main of every table reads back whole (every data file its snapshot lists, as many rows as its
   * summary says) with the rows of the last good run: the inputs never changed.
   */
  private void assertReadableAndGood(Path wh, Map<String, List<Row>> good) {
    for (String table : TABLES) {
      Table t = Published.table(wh, table);
      Dataset<Row> now = main(wh, table);
      assertThat(now.count())
          .as(table)
          .isEqualTo(Long.parseLong(t.currentSnapshot().summary().get("total-records")))
          .isEqualTo(good.get(table).size());
      Dataset<Row> then = spark.createDataFrame(good.get(table), now.schema());
      assertThat(now.exceptAll(then).count() + then.exceptAll(now).count()).as(table).isZero();
    }
  }

  private Dataset<Row> main(Path wh, String table) {
    return spark.read().parquet(Published.files(wh, table));
  }
}
