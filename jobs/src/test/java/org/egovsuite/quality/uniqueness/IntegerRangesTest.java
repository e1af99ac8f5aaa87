package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ranges of whole numbers: integers, dates in days, timestamps in their coarsest whole unit; and
 * whether a column is in order (rising runs — here the two partitions 1..5 and 6..10 — whose ranges
 * are apart).
 */
@ExtendWith(SparkTest.class)
class IntegerRangesTest {
  @Test
  void timestampsAreCountedInTheCoarsestUnitEveryValueIsWholeIn(SparkSession spark) {
    var data =
        spark
            .range(1, 11, 1, 2)
            .selectExpr(
                "id",
                "DATE_ADD(DATE'2020-01-01', CAST(id AS INT)) AS day",
                "TIMESTAMP_SECONDS(id * 13) AS seconds",
                "TIMESTAMP_MILLIS(id * 7) AS millis",
                "TIMESTAMP_MICROS(id * 3) AS micros",
                // Before 1970: whole seconds still, though the microseconds since 1970 are
                // negative.
                "TIMESTAMP_SECONDS(-id) AS before_1970",
                "id * 7 % 11 AS scattered",
                "IF(id = 6, 5, id) AS touching",
                "CASE id WHEN 1 THEN -9000000000000000000 WHEN 2 THEN 9000000000000000000 ELSE id END AS extremes");
    assertThat(data.rdd().getNumPartitions()).isEqualTo(2);
    Map<String, IntegerRanges.Range> ranges =
        IntegerRanges.of(
            data,
            List.of(
                "id",
                "day",
                "seconds",
                "millis",
                "micros",
                "before_1970",
                "scattered",
                "touching",
                "extremes"));

    assertThat(ranges.get("id").span()).isEqualTo(10);
    // 1.8e19 integers from min to max: more than a signed long holds, so no pigeonhole proof.
    assertThat(ranges.get("extremes").span()).isEqualTo(Long.MAX_VALUE);
    assertThat(ranges.get("day").describe()).isEqualTo("10 days between 2020-01-02 and 2020-01-11");
    // 13 s to 130 s: 118 whole seconds; 7 ms to 70 ms: 64 whole milliseconds; 3 to 30 µs: 28.
    assertThat(ranges.get("seconds").describe())
        .isEqualTo("118 whole seconds between 1970-01-01T00:00:13Z and 1970-01-01T00:02:10Z");
    assertThat(ranges.get("millis").describe())
        .isEqualTo(
            "64 whole milliseconds between 1970-01-01T00:00:00.007Z and 1970-01-01T00:00:00.070Z");
    assertThat(ranges.get("micros").describe()).startsWith("28 microseconds between");
    assertThat(ranges.get("before_1970").describe())
        .isEqualTo("10 whole seconds between 1969-12-31T23:59:50Z and 1969-12-31T23:59:59Z");

    assertThat(ranges.get("id").ordered()).isTrue();
    assertThat(ranges.get("before_1970").ordered())
        .as("falling: ten runs of one value, apart")
        .isTrue();
    // 7, 3, 10, 6, 2 | 9, 5, 1, 8, 4: distinct, but not in order.
    assertThat(ranges.get("scattered").ordered()).isFalse();
    // 1..5 | 5, 7..10: rising in each, but the partitions share 5.
    assertThat(ranges.get("touching").ordered()).isFalse();
  }

  @Test
  void aPartitionIsFollowedAcrossTheBatchesItsValuesAreReadIn(SparkSession spark) {
    // One partition of 10,000 rows; values are looked at 4,096 at a time. Row 4,096 (the first of
    // the second batch) repeats row 4,095: the runs 0..4,095 and 4,095..9,999 touch. Every third
    // row of "sparse" is null: 6,666 values, 1..9,998, rising.
    var data =
        spark
            .range(0, 10_000, 1, 1)
            .selectExpr(
                "id",
                "IF(id = 4096, 4095, id) AS repeat_at_batch",
                "IF(id % 3 = 0, NULL, id) AS sparse");
    Map<String, IntegerRanges.Range> ranges =
        IntegerRanges.of(data, List.of("id", "repeat_at_batch", "sparse"));

    assertThat(ranges.get("id").ordered()).isTrue();
    assertThat(ranges.get("id").count()).isEqualTo(10_000);
    assertThat(ranges.get("repeat_at_batch").ordered()).isFalse();
    assertThat(ranges.get("repeat_at_batch").span()).isEqualTo(10_000);
    assertThat(ranges.get("sparse").ordered()).isTrue();
    assertThat(ranges.get("sparse").count()).isEqualTo(6_666);
    assertThat(ranges.get("sparse").min()).isEqualTo(1);
    assertThat(ranges.get("sparse").max()).isEqualTo(9_998);
  }

  @Test
  void aKeySortedFileByFileIsInOrderWhateverTheFilesOrder(SparkSession spark) {
    // One partition holding two sorted files, the later one first: 101..105 then 6..10.
    var data =
        spark
            .range(1, 11, 1, 1)
            .selectExpr(
                "IF(id <= 5, id + 100, id) AS apart", "IF(id <= 5, id + 5, id) AS overlapping");
    Map<String, IntegerRanges.Range> ranges =
        IntegerRanges.of(data, List.of("apart", "overlapping"));
    assertThat(ranges.get("apart").ordered()).isTrue();
    // 6..10 then 6..10 again.
    assertThat(ranges.get("overlapping").ordered()).isFalse();
  }

  @Test
  void aRunEndsWhereALaterFileJumpsOverAnother(SparkSession spark) {
    // Partition 0: 0..1499, then 1,001,500..1,002,999 (a later file, higher); partition 1:
    // 1,500..2,999. As one run, partition 0 would span 0..1,002,999 and overlap partition 1.
    var first =
        spark.range(0, 1_500, 1, 1).union(spark.range(1_001_500, 1_003_000, 1, 1)).coalesce(1);
    var data = first.union(spark.range(1_500, 3_000, 1, 1)).toDF();
    assertThat(data.rdd().getNumPartitions()).isEqualTo(2);
    assertThat(IntegerRanges.of(data, List.of("id")).get("id").ordered()).isTrue();
  }

  @Test
  void tooManyRunsAreNotFollowed(SparkSession spark) {
    // Distinct values, but falling: one run per row, more than MAX_RUNS in the one partition.
    var data = spark.range(0, IntegerRanges.MAX_RUNS + 2, 1, 1).selectExpr("-id AS falling");
    assertThat(IntegerRanges.of(data, List.of("falling")).get("falling").ordered()).isFalse();
  }
}
