package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage runs with settings fitted to the bytes it reads, and the session gets its own back. */
class SizedStageTest {
  private static final String ADVISORY = "spark.sql.adaptive.advisoryPartitionSizeInBytes";

  @Test
  void bytesUnderCountsFilesFoldersAndGlobsAndSkipsWhatIsMissing(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("a.csv"), new byte[310]);
    Files.createDirectories(dir.resolve("folder"));
    Files.write(dir.resolve("folder/b.csv"), new byte[40]);
    long bytes =
        SizedStage.bytesUnder(
            List.of(dir + "/*.csv", dir + "/folder", dir + "/missing/*.csv"),
            SparkTest.session().sparkContext().hadoopConfiguration());
    assertThat(bytes).isEqualTo(350);
  }

  @Test
  void theStageRunsWithTheFittedPartitionCountAndTheSessionGetsItsOwnBack() {
    SparkSession spark = SparkTest.session();
    // The test session starts with 2; the advisory size is lowered to 100 bytes for the test.
    spark.conf().set(ADVISORY, "100");
    // A value the stage does not keep: the session's own, given back afterwards.
    spark.conf().set(ShufflePartitions.KEY, "5");
    try {
      String during =
          SizedStage.run(350, "test", spark, () -> spark.conf().get(ShufflePartitions.KEY));
      // 350 / 100 → 4, capped at the 2 the session started with (local[2], 2 partitions)
      assertThat(during).isEqualTo("2");
      assertThat(spark.conf().get(ShufflePartitions.KEY)).isEqualTo("5");
    } finally {
      spark.conf().unset(ADVISORY);
      spark.conf().set(ShufflePartitions.KEY, "2");
    }
  }

  @Test
  void belowTheThresholdQueriesAreInterpretedWithTheSameResultAndAboveItCodeIsGenerated() {
    SparkSession spark = SparkTest.session();
    // spark.egov.interpretBelow is not set in the test session: 16 MiB applies.
    long small = 2_000_000;
    long large = 17L * 1024 * 1024;
    String query = "SELECT id % 3 AS k, sum(id * 2) AS s FROM range(0, 1000) GROUP BY id % 3";
    // Hand sums: id % 3 = 0 takes 0, 3, ..., 999 (334 ids, 3 * (0 + ... + 333) = 3 * 55,611 =
    // 166,833); = 1 takes 1, 4, ..., 997 (333 ids, 333 + 3 * (0 + ... + 332) = 333 + 165,834 =
    // 166,167); = 2 takes 2, 5, ..., 998 (666 + 165,834 = 166,500); together 499,500 = 0 + ... +
    // 999. Doubled: 333,666, 332,334, 333,000.
    List<String> expected = List.of("[0,333666]", "[1,332334]", "[2,333000]");
    assertThat(SizedStage.run(small, "test", spark, () -> rows(spark, query, false)))
        .isEqualTo(expected);
    assertThat(SizedStage.run(large, "test", spark, () -> rows(spark, query, true)))
        .isEqualTo(expected);
    assertThat(spark.conf().get(Interpretation.WHOLE_STAGE)).isEqualTo("true");
    assertThat(spark.conf().getOption(Interpretation.FACTORY_MODE).getOrElse(() -> "FALLBACK"))
        .isEqualTo("FALLBACK");
  }

  /**
   * The query's rows, run inside the stage; its final plan (adaptive execution plans as it runs)
   * checked for whole-stage code, or its absence.
   */
  private static List<String> rows(SparkSession spark, String query, boolean codegen) {
    Dataset<Row> result = spark.sql(query).orderBy("k");
    List<String> rows = result.collectAsList().stream().map(Row::toString).toList();
    SparkPlan plan =
        ((AdaptiveSparkPlanExec) result.queryExecution().executedPlan()).executedPlan();
    assertThat(plan.find(node -> node instanceof WholeStageCodegenExec).isDefined())
        .isEqualTo(codegen);
    return rows;
  }
}
