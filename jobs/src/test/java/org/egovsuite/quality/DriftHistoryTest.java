package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift rules over three loads of one dataset, with the metrics history kept in a real Parquet
 * table: 100 rows (first run, no baseline), 10 rows (-90%, fails the ±20% rule and the gate), 105
 * rows. The third load is compared with the first (+5%, passes); had the failed run been the
 * baseline it would have been +950% and failed.
 */
@ExtendWith(SparkTest.class)
class DriftHistoryTest {
  private static final String RULES =
      """
      dataset: loads
      rules:
        - {id: volume, kind: drift, metric: row_count, max_change: 0.2}
        - {id: mean_value, kind: drift, metric: mean, columns: [v], max_change: 0.5, severity: warning}
      """;
  private final SparkSession spark;
  @TempDir Path dir;

  DriftHistoryTest(SparkSession spark) {
    this.spark = spark;
  }

  private QualityOutcome load(MetricsHistoryTable history, int rows, String runId, Instant time) {
    Dataset<Row> data = spark.range(rows).selectExpr("CAST(id AS DOUBLE) AS v");
    RuleFile rules =
        RuleFileLoader.load(Projects.write(dir.resolve("loads.yaml"), RULES), "loads", Set.of("v"));
    QualityOutcome outcome =
        new QualityCheckJob()
            .data(data)
            .rules(rules)
            .history(history.history("loads"))
            .execute()
            .outcome();
    history.append(runId, time, outcome);
    return outcome;
  }

  private static RuleResult only(QualityOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void failedRunsAreLeftOutOfTheBaseline() {
    MetricsHistoryTable history = new MetricsHistoryTable(spark, dir.resolve("history").toString());
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");

    QualityOutcome first = load(history, 100, "r1", t0);
    assertThat(only(first, "volume").passed()).isTrue();
    assertThat(only(first, "volume").message()).startsWith("no baseline");
    assertThat(first.verdict()).isEqualTo(QualityOutcome.Verdict.PASSED);

    QualityOutcome second = load(history, 10, "r2", t0.plusSeconds(86_400));
    assertThat(only(second, "volume").passed()).isFalse();
    assertThat(only(second, "volume").message()).startsWith("changed -90.00% vs 100");
    assertThat(second.verdict()).isEqualTo(QualityOutcome.Verdict.FAILED);

    QualityOutcome third = load(history, 105, "r3", t0.plusSeconds(2 * 86_400));
    assertThat(only(third, "volume").passed()).isTrue();
    assertThat(only(third, "volume").message()).isEqualTo("changed +5.00% vs 100");
    // mean of 0..104 = 52 vs 49.5 of the first run: +5.05%
    assertThat(only(third, "mean_value").value()).isEqualTo(52.0);
    assertThat(only(third, "mean_value").message()).isEqualTo("changed +5.05% vs 49.5");
    assertThat(third.verdict()).isEqualTo(QualityOutcome.Verdict.PASSED);

    // The table holds all three runs, the failed one marked as such.
    List<Row> recorded = history.read("loads").where("rule_id = 'volume'").collectAsList();
    assertThat(recorded)
        .extracting(r -> r.<String>getAs("run_id"))
        .containsExactly("r1", "r2", "r3");
    assertThat(recorded)
        .extracting(r -> r.<Double>getAs("value"))
        .containsExactly(100.0, 10.0, 105.0);
    assertThat(recorded)
        .extracting(r -> r.<String>getAs("verdict"))
        .containsExactly("passed", "failed", "passed");
  }

  @Test
  void aBaselineOfAdmittedRunsCatchesADropAfterASteadyRise() {
    MetricsHistoryTable history =
        new MetricsHistoryTable(spark, dir.resolve("history2").toString());
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    load(history, 100, "a", t0);
    load(history, 115, "b", t0.plusSeconds(60));
    // 115 -> 90 = -21.74%: outside ±20%
    QualityOutcome drop = load(history, 90, "c", t0.plusSeconds(120));
    assertThat(only(drop, "volume").passed()).isFalse();
    assertThat(only(drop, "volume").message()).startsWith("changed -21.74% vs 115");
  }
}
