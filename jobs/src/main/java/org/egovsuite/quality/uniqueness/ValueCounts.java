package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * A column's non-null values, how many of them occur exactly once, and one value that occurs more
 * than once (null when none does). Deequ's Uniqueness of one column is {@code once / values}: its
 * query groups the non-null values and sums the groups of one row over the non-null rows.
 */
public record ValueCounts(long values, long once, String repeated) {

  /** Types whose values are equal exactly when their texts and their 64-bit hashes say so. */
  private static final Set<DataType> BY_TEXT =
      Set.of(
          DataTypes.StringType,
          DataTypes.ByteType,
          DataTypes.ShortType,
          DataTypes.IntegerType,
          DataTypes.LongType,
          DataTypes.BooleanType,
          DataTypes.DateType,
          DataTypes.TimestampNTZType);

  /** Deequ's metric; NaN with no values, where Deequ has none either (an empty state). */
  public double share() {
    return values == 0 ? Double.NaN : (double) once / values;
  }

  /**
   * Whether the plan may count this type from texts and hashes. Not floating point (Spark groups
   * -0.0 with 0.0, whose texts differ), binary (whose text is not one-to-one) nor zoned timestamps
   * (in a session time zone with daylight saving, two instants an hour apart can read the same);
   * those are grouped by Spark ({@link #grouped}).
   */
  static boolean byText(DataType type) {
    return BY_TEXT.contains(type) || type instanceof DecimalType;
  }

  /** Counted from texts in memory (the head search's rows, when they are all the rows). */
  static ValueCounts of(List<String> texts) {
    Map<String, Integer> seen = new HashMap<>();
    long values = 0;
    for (String text : texts) {
      if (text != null) {
        seen.merge(text, 1, Integer::sum);
        values++;
      }
    }
    long once = seen.values().stream().filter(n -> n == 1).count();
    String repeated =
        seen.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .min(String::compareTo)
            .orElse(null);
    return new ValueCounts(values, once, repeated);
  }

  /**
   * Counted by Spark's grouping of the non-null values, Deequ's own query (one job and a shuffle):
   * for the types {@link #byText} leaves out, and for the few rows the plan cannot tell apart by
   * their positions.
   */
  static ValueCounts grouped(Dataset<Row> data, Column value) {
    Row row =
        data.select(value.as("v"))
            .where(col("v").isNotNull())
            .groupBy("v")
            .count()
            .agg(
                sum("count"),
                sum(when(col("count").equalTo(1), lit(1L)).otherwise(lit(0L))),
                max(when(col("count").gt(1), col("v"))))
            .first();
    return row.isNullAt(0)
        ? new ValueCounts(0, 0, null)
        : new ValueCounts(
            row.getLong(0), row.getLong(1), row.isNullAt(2) ? null : String.valueOf(row.get(2)));
  }
}
