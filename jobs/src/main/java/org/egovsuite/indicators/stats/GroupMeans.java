package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per period, per grouping column (region, tier) and group: units, mean index, its % difference
 * from the period mean of all units, the units above that mean, and the highest and lowest index.
 * Units with a null group form a group of their own (null), so no unit is lost.
 */
public final class GroupMeans {
  public static final String GROUPING = "grouping";
  public static final String GROUP = "group_value";
  public static final String UNITS = "units";
  public static final String MEAN_VALUE = "group_mean_value";
  public static final String MEAN_DIFF_PCT = "group_mean_diff_pct";
  public static final String ABOVE_MEAN_COUNT = "above_mean_count";
  public static final String MAX_VALUE = "max_value";
  public static final String MIN_VALUE = "min_value";

  private GroupMeans() {}

  /**
   * @param annotated output of {@link UnitStatistics#annotate} (needs its period mean column)
   */
  public static Dataset<Row> of(
      Dataset<Row> annotated, String period, String value, List<String> groupings) {
    return groupings.stream()
        .map(grouping -> one(annotated, period, value, grouping))
        .reduce(Dataset::unionByName)
        .orElseThrow(
            () -> new IllegalArgumentException("no grouping column to average " + value + " by"));
  }

  private static Dataset<Row> one(
      Dataset<Row> annotated, String period, String value, String grouping) {
    return annotated
        .where(col(value).isNotNull())
        .groupBy(col(period), col(grouping).cast("string").as(GROUP))
        .agg(
            count(lit(1)).as(UNITS),
            avg(value).as(MEAN_VALUE),
            avg(StatColumns.PERIOD_MEAN).as("_period_mean"),
            sum(when(col(StatColumns.ABOVE_MEAN), 1).otherwise(0))
                .cast("long")
                .as(ABOVE_MEAN_COUNT),
            max(value).as(MAX_VALUE),
            min(value).as(MIN_VALUE))
        .select(
            col(period),
            lit(grouping).as(GROUPING),
            col(GROUP),
            col(UNITS),
            col(MEAN_VALUE),
            col(MEAN_VALUE)
                .minus(col("_period_mean"))
                .multiply(100.0)
                .divide(col("_period_mean"))
                .as(MEAN_DIFF_PCT),
            col(ABOVE_MEAN_COUNT),
            col(MAX_VALUE),
            col(MIN_VALUE));
  }
}
