package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.kinds.RuleInputs;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference and freshness rules on hand-made rows. Provinces reference a division table of three
 * codes; requests are dated relative to a fixed run date.
 *
 * <pre>
 *   provinces: code    name        divisions: code
 *              110000  北京市                   110000
 *              330000  浙江省                   330000
 *              990000  (no such)               650000
 *              null    (unresolved)
 * </pre>
 */
@ExtendWith(SparkTest.class)
class ReferenceAndFreshnessTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
  private final SparkSession spark;
  @TempDir Path dir;

  ReferenceAndFreshnessTest(SparkSession spark) {
    this.spark = spark;
  }

  private QualityOutcome check(Dataset<Row> data, String rules) {
    Path file = Projects.write(dir.resolve("t.yaml"), "dataset: t\nrules:\n" + rules);
    Dataset<Row> divisions =
        spark.sql("SELECT * FROM VALUES ('110000'), ('330000'), ('650000') AS d(code)");
    RuleFile ruleFile =
        RuleFileLoader.load(file, "t", Set.of(data.columns()), Map.of("divisions", Set.of("code")));
    return new QualityCheckJob()
        .data(data)
        .rules(ruleFile)
        .inputs(
            new RuleInputs(
                RUN_DATE,
                name -> {
                  assertThat(name).isEqualTo("divisions");
                  return divisions;
                }))
        .execute()
        .outcome();
  }

  private Dataset<Row> provinces() {
    return spark.sql(
        "SELECT * FROM VALUES ('110000', '北京市'), ('330000', '浙江省'), ('990000', 'x'),"
            + " (CAST(NULL AS STRING), 'y') AS p(code, name)");
  }

  private static RuleResult only(QualityOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void referenceIsTheShareOfRowsWhoseValueExistsInTheOtherDataset() {
    // 110000 and 330000 exist, 990000 does not, the null is left to completeness rules -> 3/4
    QualityOutcome outcome =
        check(
            provinces(),
            """
          - {id: known, kind: reference, columns: [code], reference: {dataset: divisions, column: code}}
          - {id: mostly, kind: reference, columns: [code], reference: {dataset: divisions, column: code}, min: 0.75}
        """);
    assertThat(only(outcome, "known").metric()).isEqualTo("Compliance");
    assertThat(only(outcome, "known").value()).isCloseTo(0.75, within(1e-12));
    assertThat(only(outcome, "known").passed()).isFalse();
    assertThat(only(outcome, "mostly").passed()).isTrue();
  }

  @Test
  void referenceKeepsTheRowCountWhenTheReferenceHasDuplicates() {
    Dataset<Row> data = spark.sql("SELECT * FROM VALUES ('110000'), ('110000') AS p(code)");
    QualityOutcome outcome =
        check(
            data.union(data),
            """
          - {id: known, kind: reference, columns: [code], reference: {dataset: divisions, column: code}}
          - {id: four, kind: row_count, min: 4, max: 4}
        """);
    assertThat(only(outcome, "known").passed()).isTrue();
    assertThat(only(outcome, "four").value()).isEqualTo(4.0);
  }

  @Test
  void freshnessMeasuresTheAgeOfTheNewestDateOnTheRunDate() {
    // newest: 2026-11-20 = 7 days before 2026-11-27
    Dataset<Row> requests =
        spark.sql(
            "SELECT * FROM VALUES (DATE'2026-11-20'), (DATE'2026-10-01'),"
                + " (CAST(NULL AS DATE)) AS r(created)");
    QualityOutcome outcome =
        check(
            requests,
            """
          - {id: week, kind: freshness, columns: [created], max_age_days: 7}
          - {id: six_days, kind: freshness, columns: [created], max_age_days: 6}
        """);
    assertThat(only(outcome, "week").metric()).isEqualTo("Minimum");
    assertThat(only(outcome, "week").value()).isEqualTo(7.0);
    assertThat(only(outcome, "week").passed()).isTrue();
    assertThat(only(outcome, "six_days").passed()).isFalse();
  }

  @Test
  void freshnessReadsTimestampsAndFailsWithoutAnyDate() {
    Dataset<Row> stamped =
        spark.sql("SELECT * FROM VALUES (TIMESTAMP'2026-11-26 23:59:00') AS r(created)");
    assertThat(
            only(
                    check(
                        stamped,
                        "  - {id: day, kind: freshness, columns: [created], max_age_days: 1}\n"),
                    "day")
                .value())
        .isEqualTo(1.0);
    Dataset<Row> empty = spark.sql("SELECT CAST(NULL AS DATE) AS created");
    RuleResult none =
        only(
            check(empty, "  - {id: day, kind: freshness, columns: [created], max_age_days: 1}\n"),
            "day");
    assertThat(none.passed()).isFalse();
    assertThat(none.value()).isNull();
  }

  @Test
  void thresholdsAreDescribedForReports() {
    QualityOutcome outcome =
        check(
            provinces(),
            """
          - {id: known, kind: reference, columns: [code], reference: {dataset: divisions, column: code}}
          - {id: rows, kind: row_count, min: 1}
        """);
    assertThat(outcome.results())
        .extracting(RuleResult::threshold)
        .containsExactly("share >= 1.0", "rows in [1, +inf]");
  }
}
