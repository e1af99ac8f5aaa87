package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.analyzers.Uniqueness;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.QualityCheckJob;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.QualityRun;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share rule ({@code min} below 1) on one column takes the exact plan: the share of values that
 * occur once, Deequ's Uniqueness, counted without Deequ's grouping. 60,000 rows i = 0..59,999 in
 * two partitions of 30,000, more than the heads hold (25,000 each), so the counts come from the
 * position bitmaps (s, n) and from Spark's grouping (d, a double):
 *
 * <ul>
 *   <li>s = 'k' || (i mod 50,000), null where i mod 10 = 0: 54,000 values; i and i + 50,000 for i
 *       below 10,000 repeat, 9,000 pairs where i mod 10 ≠ 0, so 36,000 values occur once: 2/3;
 *   <li>n = i mod 50,000: 10,000 pairs, 40,000 of 60,000 once: 2/3;
 *   <li>d = n as a double, but -0.0 for i = 50,000 (Spark groups it with the 0.0 of i = 0): 2/3;
 *   <li>u = i: every value once: 1.
 * </ul>
 */
@ExtendWith(SparkTest.class)
class UniqueShareTest {
  private static final double TWO_THIRDS = 2.0 / 3.0;
  @TempDir Path dir;

  private static Dataset<Row> data(SparkSession spark) {
    return spark
        .range(0, 60_000, 1, 2)
        .selectExpr(
            "IF(id % 10 = 0, NULL, CONCAT('k', id % 50000)) AS s",
            "id % 50000 AS n",
            "IF(id = 50000, CAST('-0.0' AS DOUBLE), CAST(id % 50000 AS DOUBLE)) AS d",
            "id AS u");
  }

  @Test
  void theShareIsDeequsUniquenessCountedExactly(SparkSession spark) throws Exception {
    Dataset<Row> data = data(spark);
    Path file = dir.resolve("t.yaml");
    Files.writeString(
        file,
        """
        dataset: t
        rules:
          - {id: s_share, kind: uniqueness, columns: [s], min: 0.6}
          - {id: n_share, kind: uniqueness, columns: [n], min: 0.7}
          - {id: d_share, kind: uniqueness, columns: [d], min: 0.6}
          - {id: u_share, kind: uniqueness, columns: [u], min: 0.99}
          - {id: n_unique, kind: uniqueness, columns: [n]}
        """);
    QualityOutcome outcome =
        new QualityCheckJob()
            .data(data)
            .rules(RuleFileLoader.load(file, "t", Set.of("s", "n", "d", "u")))
            .execute()
            .outcome();

    assertThat(only(outcome, "s_share").value()).isEqualTo(36_000.0 / 54_000.0);
    assertThat(only(outcome, "n_share").value()).isEqualTo(40_000.0 / 60_000.0);
    assertThat(only(outcome, "d_share").value()).isEqualTo(40_000.0 / 60_000.0);
    assertThat(only(outcome, "u_share").value()).isEqualTo(1.0);
    assertThat(only(outcome, "s_share").constraint()).startsWith("ExactUniqueness");
    assertThat(outcome.results())
        .filteredOn(r -> r.ruleId().endsWith("_share"))
        .extracting(RuleResult::passed)
        .containsExactly(true, false, true, true);
    assertThat(only(outcome, "n_share").message())
        .isEqualTo(
            "20,000 of 60,000 rows (33.3%) share their n with another row;"
                + " the rule needs share >= 0.7");
    assertThat(only(outcome, "n_unique").passed()).isFalse();

    // Deequ's own metric on the same data: the same doubles, to the last bit.
    for (String column : List.of("s", "n", "d")) {
      assertThat(only(outcome, column + "_share").value())
          .as(column)
          .isEqualTo(deequUniqueness(data, column));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // Scala's variance, which Java cannot state
  private static double deequUniqueness(Dataset<Row> data, String column) {
    com.amazon.deequ.analyzers.Analyzer<?, com.amazon.deequ.metrics.Metric<?>> analyzer =
        (com.amazon.deequ.analyzers.Analyzer) Uniqueness.apply(column);
    AnalyzerContext context = AnalysisRunner.onData(data).addAnalyzer(analyzer).run();
    return (Double) context.metric(analyzer).get().value().get();
  }

  @Test
  void aShareRuleFailingWhereThereAreNullsCountsTheRowsWithAValue(SparkSession spark)
      throws Exception {
    Path file = dir.resolve("t.yaml");
    Files.writeString(
        file, "dataset: t\nrules:\n  - {id: s_share, kind: uniqueness, columns: [s], min: 0.9}\n");
    QualityRun run =
        new QualityCheckJob()
            .data(data(spark))
            .rules(RuleFileLoader.load(file, "t", Set.of("s", "n", "d", "u")))
            .samples(3, List.of())
            .execute();

    assertThat(only(run.outcome(), "s_share").message())
        .isEqualTo(
            "18,000 of 54,000 rows (33.3%) share their s with another row; the rule needs share"
                + " >= 0.9 (6,000 rows without a s left out, as Deequ leaves them out)");
    // the samples are repeated values (each held by two rows), not the rows without an s
    assertThat(run.samples().get("s_share")).hasSize(3).allMatch(s -> s.endsWith("(2 rows)"));
  }

  private static RuleResult only(QualityOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }
}
