package org.egovsuite.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;

/** The labels whose condition holds, in order, computed inside Spark's generated code. */
class LabelsWhereTest {
  /**
   * The test rows, their conditions, and the labels a row should get (those whose condition is
   * true, in the order added):
   *
   * <pre>
   *   a     b     a > 0   b > 0   labels
   *   1     null  true    null    [a_positive]
   *   -1    2     false   true    [b_positive]
   *   null  -5    null    false   []
   *   3     4     true    true    [a_positive, b_positive]
   * </pre>
   */
  private static Dataset<Row> labelled(SparkSession spark) {
    Dataset<Row> rows =
        // From a range, not literal rows: Spark would compute a query over literal rows while
        // planning it, leaving no filter to look at.
        spark.sql(
            "SELECT id + 1 AS n,"
                + " CASE id WHEN 0 THEN 1 WHEN 1 THEN -1 WHEN 2 THEN NULL ELSE 3 END AS a,"
                + " CASE id WHEN 0 THEN NULL WHEN 1 THEN 2 WHEN 2 THEN -5 ELSE 4 END AS b"
                + " FROM range(4)");
    return rows.select(
        col("n"),
        new LabelsWhere()
            .add(col("a").gt(0), lit("a_positive"))
            .add(col("b").gt(0), lit("b_positive"))
            .column()
            .as("labels"));
  }

  @Test
  void eachRowGetsTheLabelsWhoseConditionIsTrueInTheOrderAdded() {
    List<List<Object>> labels =
        labelled(SparkTest.session()).orderBy("n").collectAsList().stream()
            .map(r -> r.getList(1))
            .toList();

    assertThat(labels)
        .containsExactly(
            List.of("a_positive"),
            List.of("b_positive"),
            List.of(),
            List.of("a_positive", "b_positive"));
  }

  @Test
  void noLabelsGiveAnEmptyArrayOfStrings() {
    Row row = SparkTest.session().range(1).select(new LabelsWhere().column().as("l")).first();

    assertThat(row.getList(0)).isEmpty();
    assertThat(row.schema().apply("l").dataType().simpleString()).isEqualTo("array<string>");
  }

  /**
   * Rows kept for having a label are filtered in generated code (the tree string marks each
   * operator inside whole-stage code with "*(stage)"): a higher-order function such as
   * array_compact would leave the filter interpreted, over rows copied whole.
   */
  @Test
  void filteringOnTheLabelsStaysInWholeStageCode() {
    Dataset<Row> kept = labelled(SparkTest.session()).where(size(col("labels")).gt(0));

    assertThat(kept.count()).isEqualTo(3);
    List<String> filters =
        Arrays.stream(kept.queryExecution().executedPlan().treeString().split("\n"))
            .filter(line -> line.contains("Filter "))
            .toList();
    assertThat(filters)
        .isNotEmpty()
        .allMatch(line -> line.matches("^[\\s+:\\-]*\\*\\(\\d+\\) Filter .*"));
  }
}
