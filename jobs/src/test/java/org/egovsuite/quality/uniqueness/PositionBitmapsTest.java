package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Collisions of the hash positions, resolved. 300,000 distinct strings in 2^32 positions collide in
 * about n^2 / 2^33 = 10 pairs, which the lower halves of the 64-bit keys tell apart; with the lower
 * halves masked off (every collision an equal key) the rows themselves are compared: a handful of
 * keys directly, and with only 24 bits of position kept (thousands of equal keys) through the
 * broadcast of the keys.
 */
@Tag("large-data") // 100,000s of generated rows, with plain Deequ beside: over 10 s
@ExtendWith(SparkTest.class)
class PositionBitmapsTest {
  private static final List<PositionBitmaps.Spec> CODE =
      List.of(new PositionBitmaps.Spec("code", null));
  private static final long UPPER_HALF = 0xFFFF_FFFF_0000_0000L;
  private static final long UPPER_24_BITS = 0xFFFF_FF00_0000_0000L;

  private static Dataset<Row> codes(SparkSession spark) {
    return spark.range(300_000).selectExpr("CONCAT('code-', id) AS code").repartition(3);
  }

  @Test
  void collisionsAmongDistinctValuesAreToldApartByTheWholeKey(SparkSession spark) {
    var result = PositionBitmaps.check(codes(spark), CODE).get("code");
    assertThat(result.sharedPositions()).as("hash collisions among distinct values").isPositive();
    assertThat(result.unique()).isTrue();
  }

  @Test
  void equalKeysAreSettledByTheValues(SparkSession spark) {
    for (long mask : new long[] {UPPER_HALF, UPPER_24_BITS}) {
      var result = PositionBitmaps.check(codes(spark), CODE, mask).get("code");
      assertThat(result.sharedPositions()).isPositive();
      assertThat(result.unique()).as("equal keys, different values").isTrue();
    }
  }

  @Test
  void aDuplicateIsFoundWithItsValue(SparkSession spark) {
    Dataset<Row> withDuplicate = codes(spark).union(spark.sql("SELECT 'code-123' AS code"));
    for (long mask : new long[] {PositionBitmaps.WHOLE_KEY, UPPER_HALF, UPPER_24_BITS}) {
      var result = PositionBitmaps.check(withDuplicate, CODE, mask).get("code");
      assertThat(result.unique()).isFalse();
      assertThat(result.duplicate()).isEqualTo("code-123");
    }
  }

  /**
   * 300,000 distinct codes, code-123 twice more and code-7 once more, two nulls: 300,003 values, of
   * which all but code-123 and code-7 occur once: 299,998. Exact with every collision an equal key
   * (the rows at shared positions grouped by value) and with an offset key, whose positions are the
   * values.
   */
  @Test
  void aCountedColumnsValuesOccurringOnceAreCountedExactly(SparkSession spark) {
    Dataset<Row> data =
        codes(spark)
            .union(
                spark.sql(
                    "SELECT 'code-123' AS code UNION ALL SELECT 'code-123' UNION ALL SELECT"
                        + " 'code-7' UNION ALL SELECT NULL UNION ALL SELECT NULL"));
    List<PositionBitmaps.Spec> counted = List.of(new PositionBitmaps.Spec("code", null, true));
    for (long mask : new long[] {PositionBitmaps.WHOLE_KEY, UPPER_HALF, UPPER_24_BITS}) {
      var result = PositionBitmaps.check(data, counted, mask).get("code");
      assertThat(result.counts().values()).isEqualTo(300_003);
      assertThat(result.counts().once()).as("mask %x", mask).isEqualTo(299_998);
      assertThat(result.counts().repeated()).isEqualTo("code-7"); // the greatest repeated value
      assertThat(result.unique()).isFalse();
    }
    Dataset<Row> numbers = data.selectExpr("CAST(SUBSTRING(code, 6) AS INT) AS code");
    IntegerRanges.Range range = IntegerRanges.of(numbers, List.of("code")).get("code");
    var byOffset =
        PositionBitmaps.check(numbers, List.of(new PositionBitmaps.Spec("code", range, true)))
            .get("code");
    assertThat(byOffset.counts()).isEqualTo(new ValueCounts(300_003, 299_998, "7"));
  }

  @Test
  void nullsAreLeftOut(SparkSession spark) {
    Dataset<Row> withNulls =
        codes(spark).union(spark.sql("SELECT CAST(NULL AS STRING) AS code UNION ALL SELECT NULL"));
    assertThat(PositionBitmaps.check(withNulls, CODE).get("code").unique()).isTrue();
  }
}
