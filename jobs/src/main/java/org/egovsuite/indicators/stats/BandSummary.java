package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.Band;
import org.egovsuite.config.StatisticsConfig.BandOrAbove;

/**
 * Per period and band: the statistics the reports quote. One row per (period, configured band),
 * bands with no unit included with count 0. Values are unrounded; shares and differences are
 * percentages (40.625 means 40.625%).
 *
 * <ul>
 *   <li>{@code units}, {@code mean_value}: units with a value in the period and their mean
 *   <li>{@code above_mean_count}, {@code above_mean_share_pct}: units strictly above the mean
 *   <li>{@code band_count}, {@code band_share_pct} = band_count / units × 100
 *   <li>{@code band_mean_value}; {@code band_mean_diff_pct} = (band mean − mean) / mean × 100
 * </ul>
 *
 * <p>Configured cumulative groups ("high or above": every band from the top down to and including
 * {@code through}) follow as extra rows with {@code group_kind = band_or_above} and the {@code
 * band_order} of their lowest band.
 */
public final class BandSummary {
  public static final String GROUP_KIND = "group_kind";
  public static final String KIND_BAND = "band";
  public static final String KIND_BAND_OR_ABOVE = "band_or_above";
  public static final String BAND_ORDER = "band_order";
  public static final String UNITS = "units";
  public static final String MEAN_VALUE = "mean_value";
  public static final String ABOVE_MEAN_COUNT = "above_mean_count";
  public static final String ABOVE_MEAN_SHARE_PCT = "above_mean_share_pct";
  public static final String BAND_COUNT = "band_count";
  public static final String BAND_SHARE_PCT = "band_share_pct";
  public static final String BAND_MEAN_VALUE = "band_mean_value";
  public static final String BAND_MEAN_DIFF_PCT = "band_mean_diff_pct";

  private BandSummary() {}

  /**
   * @param scored one row per unit and period with {@code value} and {@code band} columns; rows
   *     with a null value are ignored
   */
  public static Dataset<Row> of(
      Dataset<Row> scored, String period, String value, String band, List<Band> bands) {
    return of(scored, period, value, band, bands, List.of());
  }

  public static Dataset<Row> of(
      Dataset<Row> scored,
      String period,
      String value,
      String band,
      List<Band> bands,
      List<BandOrAbove> bandOrAbove) {
    Dataset<Row> units =
        scored.where(col(value).isNotNull()).select(col(period), col(value), col(band));
    Dataset<Row> valued = units.withColumn(GROUP_KIND, lit(KIND_BAND));
    Column order = Banding.bandOrder(band, bands);
    for (BandOrAbove group : bandOrAbove) {
      // Each unit also counts in every cumulative group its band belongs to.
      Dataset<Row> members =
          units
              .where(order.leq(orderOf(group, bands)))
              .withColumn(band, lit(group.name()))
              .withColumn(GROUP_KIND, lit(KIND_BAND_OR_ABOVE));
      valued = valued.unionByName(members);
    }
    Dataset<Row> periods =
        units.groupBy(period).agg(count(lit(1)).as(UNITS), avg(value).as(MEAN_VALUE));
    Dataset<Row> above =
        units
            .join(periods, period)
            .groupBy(period)
            .agg(
                sum(when(col(value).gt(col(MEAN_VALUE)), 1).otherwise(0))
                    .cast("long")
                    .as(ABOVE_MEAN_COUNT));
    Dataset<Row> perBand =
        valued
            .groupBy(col(period), col(GROUP_KIND), col(band))
            .agg(count(lit(1)).as(BAND_COUNT), avg(value).as(BAND_MEAN_VALUE));

    Dataset<Row> grid =
        periods
            .join(above, period)
            .crossJoin(bandTable(scored.sparkSession(), band, bands, bandOrAbove));
    return grid.join(
            perBand,
            grid.col(period)
                .equalTo(perBand.col(period))
                .and(grid.col(GROUP_KIND).equalTo(perBand.col(GROUP_KIND)))
                .and(grid.col(band).equalTo(perBand.col(band))),
            "left")
        .select(
            grid.col(period),
            grid.col(GROUP_KIND),
            grid.col(band),
            grid.col(BAND_ORDER),
            grid.col(UNITS),
            grid.col(MEAN_VALUE),
            grid.col(ABOVE_MEAN_COUNT),
            grid.col(ABOVE_MEAN_COUNT)
                .multiply(100.0)
                .divide(grid.col(UNITS))
                .as(ABOVE_MEAN_SHARE_PCT),
            coalesce(perBand.col(BAND_COUNT), lit(0L)).as(BAND_COUNT),
            coalesce(perBand.col(BAND_COUNT), lit(0L))
                .multiply(100.0)
                .divide(grid.col(UNITS))
                .as(BAND_SHARE_PCT),
            perBand.col(BAND_MEAN_VALUE),
            perBand
                .col(BAND_MEAN_VALUE)
                .minus(grid.col(MEAN_VALUE))
                .multiply(100.0)
                .divide(grid.col(MEAN_VALUE))
                .as(BAND_MEAN_DIFF_PCT));
  }

  private static int orderOf(BandOrAbove group, List<Band> bands) {
    for (int i = 0; i < bands.size(); i++) {
      if (bands.get(i).name().equals(group.through())) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(
        "group '" + group.name() + "': no band '" + group.through() + "'");
  }

  private static Dataset<Row> bandTable(
      SparkSession spark, String band, List<Band> bands, List<BandOrAbove> bandOrAbove) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      rows.add(RowFactory.create(KIND_BAND, bands.get(i).name(), i + 1));
    }
    for (BandOrAbove group : bandOrAbove) {
      rows.add(RowFactory.create(KIND_BAND_OR_ABOVE, group.name(), orderOf(group, bands)));
    }
    StructType schema =
        new StructType()
            .add(GROUP_KIND, DataTypes.StringType, false)
            .add(band, DataTypes.StringType, false)
            .add(BAND_ORDER, DataTypes.IntegerType, false);
    return spark.createDataFrame(rows, schema);
  }
}
