package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule kind, passing and failing, on four hand-made rows:
 *
 * <pre>
 *   key  grp  score  other  code
 *   A    x    0.2    0.1    110000
 *   A    x    0.5    0.9    11000
 *   B    y    1.2    0.3    null
 *   C    y    null   0.0    330100
 * </pre>
 */
@ExtendWith(SparkTest.class)
class QualityCheckJobTest {
  private static final Set<String> COLUMNS = Set.of("key", "grp", "score", "other", "code");
  private final Dataset<Row> data;
  @TempDir Path dir;

  QualityCheckJobTest(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType)
            .add("grp", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("other", DataTypes.DoubleType)
            .add("code", DataTypes.StringType);
    data =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", "x", 0.2, 0.1, "110000"),
                RowFactory.create("A", "x", 0.5, 0.9, "11000"),
                RowFactory.create("B", "y", 1.2, 0.3, null),
                RowFactory.create("C", "y", null, 0.0, "330100")),
            schema);
  }

  private QualityOutcome check(String rules) {
    return run(rules).outcome();
  }

  /** The job run on the four rows with the given rules (YAML list items) as its rule file. */
  private QualityRun run(String rules) {
    Path file = Projects.write(dir.resolve("t.yaml"), "dataset: t\nrules:\n" + rules);
    return new QualityCheckJob()
        .data(data)
        .rules(RuleFileLoader.load(file, "t", COLUMNS))
        .execute();
  }

  private static RuleResult only(QualityOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void completenessIsTheShareOfNonNullValues() {
    // score: 3 of 4 non-null = 0.75
    QualityOutcome outcome =
        check(
            """
          - {id: strict, kind: completeness, columns: [score]}
          - {id: lenient, kind: completeness, columns: [score], min: 0.7}
          - {id: keys, kind: completeness, columns: [key, grp]}
        """);
    assertThat(only(outcome, "strict").passed()).isFalse();
    assertThat(only(outcome, "strict").metric()).isEqualTo("Completeness");
    assertThat(only(outcome, "strict").value()).isEqualTo(0.75);
    assertThat(only(outcome, "lenient").passed()).isTrue();
    assertThat(outcome.results().stream().filter(r -> r.ruleId().equals("keys")))
        .as("one constraint per column")
        .hasSize(2)
        .allMatch(RuleResult::passed);
  }

  @Test
  void uniquenessIsTheShareOfRowsWhoseKeyOccursOnce() {
    // key: A twice, B and C once -> 2 of 4 rows unique = 0.5; (key, other) all distinct = 1.0.
    // A single column required to be fully unique takes the exact plan: a verdict and its proof.
    QualityOutcome outcome =
        check(
            """
          - {id: by_key_share, kind: uniqueness, columns: [key], min: 0.5}
          - {id: by_key, kind: uniqueness, columns: [key]}
          - {id: by_other, kind: uniqueness, columns: [other]}
          - {id: by_pair, kind: uniqueness, columns: [key, other]}
        """);
    assertThat(only(outcome, "by_key_share").passed()).isTrue();
    assertThat(only(outcome, "by_key_share").value()).isEqualTo(0.5);
    assertThat(only(outcome, "by_key").passed()).isFalse();
    // counted after the exact verdict: A's two rows share their key, the share Deequ gives
    // by_key_share
    assertThat(only(outcome, "by_key").message())
        .isEqualTo(
            "2 of 4 rows (50.0%) share their key with another row;"
                + " the rule needs share >= 1.0 (not unique: key value 'A' occurs more than once)");
    assertThat(only(outcome, "by_key").value()).isEqualTo(0.5);
    // other: 0.1, 0.9, 0.3, 0.0; four rows fit in the head search, which then settles uniqueness
    assertThat(only(outcome, "by_other").passed()).isTrue();
    assertThat(only(outcome, "by_other").value()).isEqualTo(1.0);
    assertThat(only(outcome, "by_pair").passed()).isTrue();
    assertThat(only(outcome, "by_pair").value()).isEqualTo(1.0);
  }

  @Test
  void aboveTheCountLimitAFailingUniquenessRuleKeepsItsVerdictAndProofUncounted() {
    SparkSession spark = data.sparkSession();
    // 4 rows, the limit set to 3: the same rules as above, nothing grouped to count or list.
    spark.conf().set(QualityCheckJob.COUNT_UP_TO, "3");
    try {
      QualityRun run = run("  - {id: by_key, kind: uniqueness, columns: [key]}\n");
      RuleResult byKey = only(run.outcome(), "by_key");
      assertThat(byKey.passed()).isFalse();
      assertThat(byKey.value()).isNull();
      assertThat(byKey.message())
          .isEqualTo(
              "not unique: key value 'A' occurs more than once; repeated values not looked up at 4"
                  + " rows (spark.egov.countSharedValuesUpTo = 3; raise it to count and list"
                  + " them)");
      assertThat(run.samples()).doesNotContainKey("by_key");
      spark.conf().set(QualityCheckJob.COUNT_UP_TO, "three");
      assertThatThrownBy(() -> QualityCheckJob.countUpTo(data))
          .hasMessage(
              "spark.egov.countSharedValuesUpTo: expected a whole number of rows, got 'three'");
    } finally {
      spark.conf().unset(QualityCheckJob.COUNT_UP_TO);
    }
  }

  @Test
  void rangeCountsNullsAsInRange() {
    // score in [0, 1]: 0.2, 0.5, null pass; 1.2 fails -> 3 of 4 = 0.75. other in [0, 1]: all pass.
    QualityOutcome outcome =
        check(
            """
          - {id: unit, kind: range, columns: [score, other], min: 0, max: 1}
          - {id: floor, kind: range, columns: [score], min: 0.2}
        """);
    List<RuleResult> unit =
        outcome.results().stream().filter(r -> r.ruleId().equals("unit")).toList();
    assertThat(unit).extracting(RuleResult::value).containsExactly(0.75, 1.0);
    assertThat(unit).extracting(RuleResult::passed).containsExactly(false, true);
    assertThat(only(outcome, "floor").passed()).isTrue();
  }

  @Test
  void expressionIsTheShareOfRowsWhereTheConditionHoldsWithinItsScope() {
    // score > other: rows 1 (0.2>0.1) and 3 (1.2>0.3) hold, row 2 fails, row 4 is null (fails) ->
    // 2/4.
    // Restricted to grp = 'y': row 3 holds, row 4 null -> 1/2.
    QualityOutcome outcome =
        check(
            """
          - {id: all_rows, kind: expression, expression: score > other, min: 0.5}
          - {id: group_y, kind: expression, expression: score > other, where: grp = 'y'}
        """);
    assertThat(only(outcome, "all_rows").value()).isCloseTo(0.5, within(1e-12));
    assertThat(only(outcome, "all_rows").passed()).isTrue();
    assertThat(only(outcome, "group_y").value()).isCloseTo(0.5, within(1e-12));
    assertThat(only(outcome, "group_y").passed()).isFalse();
  }

  @Test
  void patternLooksAtNonNullValuesOnly() {
    // code: 110000 and 330100 have six digits, 11000 has five, the null is left out -> 2/3
    QualityOutcome outcome =
        check(
            """
          - {id: six_digits, kind: pattern, columns: [code], expression: '^\\d{6}$'}
          - {id: mostly, kind: pattern, columns: [code], expression: '^\\d{6}$', min: 0.6}
          - {id: group_y, kind: pattern, columns: [code], expression: '^\\d{6}$', where: grp = 'y'}
        """);
    assertThat(only(outcome, "six_digits").metric()).isEqualTo("PatternMatch");
    assertThat(only(outcome, "six_digits").value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(only(outcome, "six_digits").passed()).isFalse();
    assertThat(only(outcome, "mostly").passed()).isTrue();
    // grp = 'y' and not null: only 330100
    assertThat(only(outcome, "group_y").value()).isEqualTo(1.0);
  }

  @Test
  void allowedValuesAcceptNullsAndNothingElse() {
    // grp in {x, y}: all 4; grp in {x}: 2 of 4
    QualityOutcome outcome =
        check(
            """
          - {id: both, kind: allowed_values, columns: [grp], values: [x, y]}
          - {id: only_x, kind: allowed_values, columns: [grp], values: [x]}
        """);
    assertThat(only(outcome, "both").passed()).isTrue();
    assertThat(only(outcome, "only_x").value()).isEqualTo(0.5);
    assertThat(only(outcome, "only_x").passed()).isFalse();
  }

  @Test
  void rowCountBounds() {
    QualityOutcome outcome =
        check(
            """
          - {id: exactly_four, kind: row_count, min: 4, max: 4}
          - {id: at_least_five, kind: row_count, min: 5}
          - {id: one_x_at_most, kind: row_count, max: 1, where: grp = 'x'}
        """);
    assertThat(only(outcome, "exactly_four").passed()).isTrue();
    assertThat(only(outcome, "exactly_four").value()).isEqualTo(4.0);
    assertThat(only(outcome, "at_least_five").passed()).isFalse();
    assertThat(only(outcome, "one_x_at_most").value()).isEqualTo(2.0);
    assertThat(only(outcome, "one_x_at_most").passed()).isFalse();
  }

  @Test
  void verdictFollowsTheSeverityOfFailedRules() {
    String warning = "  - {id: w, kind: completeness, columns: [score], severity: warning}\n";
    String error = "  - {id: e, kind: completeness, columns: [score], severity: error}\n";
    String passing = "  - {id: p, kind: completeness, columns: [key]}\n";
    assertThat(check(passing).verdict()).isEqualTo(QualityOutcome.Verdict.PASSED);
    assertThat(check(passing + warning).verdict()).isEqualTo(QualityOutcome.Verdict.WARNED);
    assertThat(check(warning + error).verdict()).isEqualTo(QualityOutcome.Verdict.FAILED);
    assertThat(check(warning + error).blocking())
        .extracting(RuleResult::ruleId)
        .containsExactly("e");
  }

  @Test
  void scanShareableRulesOfADatasetRunInOneSparkJob() {
    Path file =
        Projects.write(
            dir.resolve("t.yaml"),
            """
        dataset: t
        rules:
          - {id: a, kind: completeness, columns: [key, grp, score]}
          - {id: b, kind: range, columns: [score], min: 0}
          - {id: c, kind: pattern, columns: [code], expression: '^\\d{6}$'}
          - {id: d, kind: allowed_values, columns: [grp], values: [x, y]}
          - {id: e, kind: row_count, min: 1}
        """);
    QualityRun all =
        new QualityCheckJob().data(data).rules(RuleFileLoader.load(file, "t", COLUMNS)).execute();
    Path one =
        Projects.write(
            dir.resolve("one.yaml"),
            "dataset: t\nrules:\n  - {id: a, kind: completeness, columns: [key]}\n");
    QualityRun single =
        new QualityCheckJob().data(data).rules(RuleFileLoader.load(one, "t", COLUMNS)).execute();

    assertThat(all.outcome().results()).as("3 + 1 + 1 + 1 + 1 constraints").hasSize(7);
    // One aggregation over the data whatever the number of rules: with adaptive execution Spark
    // runs it as two jobs (the partial aggregation's shuffle stage, then the final stage).
    assertThat(single.verificationJobs()).isEqualTo(2);
    assertThat(all.verificationJobs()).isEqualTo(single.verificationJobs());
  }
}
