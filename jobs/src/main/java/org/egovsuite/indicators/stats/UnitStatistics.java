package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;
import static org.egovsuite.indicators.stats.StatColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.StatisticsConfig.Performers;

/**
 * Adds to a table of units (one row per unit and period) the per-unit statistics of every
 * indicator: rank, band, position against the period mean, change since the unit's previous
 * period, and — when a covariate is configured — the line fitted on it, the residual, the rank
 * gap and the over/under-performer call. Rows with a null value take no part and get nulls.
 */
public final class UnitStatistics {
  private UnitStatistics() {}

  /**
   * @param unit column identifying a unit across periods
   * @param value the index column
   */
  public static Dataset<Row> annotate(Dataset<Row> units, String unit, String period, String value,
      StatisticsConfig config) {
    Column valued = col(value).isNotNull();
    WindowSpec inPeriod = Window.partitionBy(col(period));
    Dataset<Row> out = units
        .withColumn(RANK, Ranking.rankOf(value, List.of(period), config.ranking(), lit(true)))
        .withColumn(BAND, Banding.bandOf(value, config.bands()))
        .withColumn(BAND_ORDER, Banding.bandOrder(BAND, config.bands()))
        .withColumn(PERIOD_MEAN, avg(col(value)).over(inPeriod))
        .withColumn(ABOVE_MEAN, when(valued, col(value).gt(col(PERIOD_MEAN))))
        .withColumn(DIFF_FROM_MEAN_PCT, col(value).minus(col(PERIOD_MEAN)).multiply(100.0).divide(col(PERIOD_MEAN)));
    out = changes(out, unit, period, value, valued);
    return config.primaryCovariate().isPresent()
        ? performers(out, period, value, config.primaryCovariate().get().name(), config)
        : out;
  }

  private static Dataset<Row> changes(Dataset<Row> data, String unit, String period, String value, Column valued) {
    return data
        .withColumn(PREVIOUS_PERIOD, PeriodChange.previous(period, unit, period, valued))
        .withColumn(PREVIOUS_VALUE, PeriodChange.previous(value, unit, period, valued))
        .withColumn(VALUE_CHANGE, col(value).minus(col(PREVIOUS_VALUE)))
        .withColumn(PREVIOUS_RANK, PeriodChange.previous(RANK, unit, period, valued))
        .withColumn(RANK_CHANGE, col(PREVIOUS_RANK).minus(col(RANK)))
        .withColumn(PREVIOUS_BAND, PeriodChange.previous(BAND, unit, period, valued))
        .withColumn("_previous_band_order", PeriodChange.previous(BAND_ORDER, unit, period, valued))
        .withColumn(BAND_CHANGE, col("_previous_band_order").minus(col(BAND_ORDER)))
        .drop("_previous_band_order");
  }

  /**
   * Least-squares line value = a + b·covariate per period over the units having both, residual
   * = value − fitted, residual_z = residual / residual standard deviation (n − 2 degrees of
   * freedom). Ranks for the gap are taken among the same units, so a unit without a covariate
   * (the 兵团 has no NBS GDP) does not shift anyone's gap.
   */
  private static Dataset<Row> performers(Dataset<Row> data, String period, String value, String covariate,
      StatisticsConfig config) {
    Column both = col(value).isNotNull().and(col(covariate).isNotNull());
    Column y = when(both, col(value));
    Column x = when(both, col(covariate));
    WindowSpec inPeriod = Window.partitionBy(col(period));
    Column slope = covar_samp(x, y).over(inPeriod).divide(var_samp(x).over(inPeriod));
    Column intercept = avg(y).over(inPeriod).minus(slope.multiply(avg(x).over(inPeriod)));
    Dataset<Row> fitted = data
        .withColumn(FITTED_VALUE, when(both, intercept.plus(slope.multiply(col(covariate)))))
        .withColumn(RESIDUAL, col(value).minus(col(FITTED_VALUE)));
    Column n = sum(when(both, 1)).over(inPeriod);
    Column residualSd = sqrt(sum(col(RESIDUAL).multiply(col(RESIDUAL))).over(inPeriod).divide(n.minus(2)));
    Dataset<Row> out = fitted
        .withColumn(RESIDUAL_Z, when(n.gt(2), col(RESIDUAL).divide(residualSd)))
        .withColumn(RANK_WITH_COVARIATE, Ranking.rankOf(value, List.of(period), config.ranking(), both))
        .withColumn(COVARIATE_RANK, Ranking.rankOf(covariate, List.of(period), config.ranking(), both))
        .withColumn(RANK_GAP, col(COVARIATE_RANK).minus(col(RANK_WITH_COVARIATE)));
    Performers rule = config.performers();
    Column score = rule.method() == Performers.Method.RESIDUAL ? col(RESIDUAL_Z) : col(RANK_GAP);
    return out.withColumn(PERFORMANCE, when(score.geq(rule.threshold()), lit("over"))
        .when(score.leq(-rule.threshold()), lit("under")));
  }
}
