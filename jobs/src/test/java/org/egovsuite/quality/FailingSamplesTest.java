package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;

/** A rule's samples are its first failing rows in the data's order, across partitions. */
class FailingSamplesTest {
  @Test
  void eachRuleGetsItsFirstNFailingRowsAcrossPartitionsInOrder() {
    SparkSession spark = SparkTest.session();
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("a", DataTypes.StringType)
            .add("b", DataTypes.StringType)
            .add(
                RowLevelMarks.FAILED_RULES, DataTypes.createArrayType(DataTypes.StringType), false);
    // Ten rows in three partitions (ids 1-4, 5-7, 8-10). r1 fails on 2, 6, 7, 9; r2 on 2, 10;
    // r3 on none. By hand, with n = 2: r1 → ids 2 and 6 (the first two in order, across the
    // partition boundary), r2 → ids 2 and 10, r3 → absent.
    List<Row> rows = new ArrayList<>();
    for (int id = 1; id <= 10; id++) {
      List<String> failed = new ArrayList<>();
      if (id == 2 || id == 6 || id == 7 || id == 9) {
        failed.add("r1");
      }
      if (id == 2 || id == 10) {
        failed.add("r2");
      }
      rows.add(RowFactory.create(id, "a" + id, "b" + id, failed.toArray(String[]::new)));
    }
    Dataset<Row> marked =
        spark
            .createDataFrame(rows, schema)
            .repartitionByRange(3, org.apache.spark.sql.functions.col("id"));
    assertThat(marked.rdd().getNumPartitions()).isEqualTo(3);

    Map<String, List<String>> samples =
        FailingSamples.rowLevel(
            marked, List.of(rule("r1", "a"), rule("r2", "b"), rule("r3", "a")), List.of("id"), 2);

    assertThat(samples.keySet()).containsExactly("r1", "r2");
    assertThat(samples.get("r1")).containsExactly("id=2, a=a2", "id=6, a=a6");
    assertThat(samples.get("r2")).containsExactly("id=2, b=b2", "id=10, b=b10");
  }

  private static Rule rule(String id, String column) {
    return new Rule(
        id,
        "not_null",
        null,
        Severity.WARNING,
        Action.WARN,
        null,
        List.of(column),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
