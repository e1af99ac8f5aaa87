package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;
import static org.egovsuite.indicators.stats.StatColumns.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.StatisticsConfig.Performers;

/**
 * Adds to a table of units (one row per unit and period) the per-unit statistics of every
 * indicator: rank, band, position against the period mean, change since the unit's previous period,
 * and — when a covariate is configured — the line fitted on it, the residual, the rank gap and the
 * over/under-performer call. Rows with a null value take no part and get nulls.
 */
public final class UnitStatistics {
  private UnitStatistics() {}

  /**
   * @param unit column identifying a unit across periods
   * @param value the index column
   */
  public static Dataset<Row> annotate(
      Dataset<Row> units, String unit, String period, String value, StatisticsConfig config) {
    Column valued = col(value).isNotNull();
    WindowSpec inPeriod = Window.partitionBy(col(period));
    // withColumns adds a group of columns in one projection: a chain of withColumn calls
    // re-analyses the growing plan each time, which dominated the run time of small tables.
    Dataset<Row> out =
        units
            .withColumns(
                columns(
                    RANK,
                        Ranking.rankOf(
                            value,
                            List.of(period),
                            config.ranking(),
                            lit(true),
                            config.higherIsBetter()),
                    BAND, Banding.bandOf(value, config.bands()),
                    PERIOD_MEAN, avg(col(value)).over(inPeriod)))
            .withColumns(
                columns(
                    BAND_ORDER, Banding.bandOrder(BAND, config.bands()),
                    ABOVE_MEAN, when(valued, col(value).gt(col(PERIOD_MEAN))),
                    DIFF_FROM_MEAN_PCT,
                        col(value)
                            .minus(col(PERIOD_MEAN))
                            .multiply(100.0)
                            .divide(col(PERIOD_MEAN))));
    for (StatisticsConfig.Grouping grouping : config.groupings()) {
      if (grouping.rank()) {
        out =
            out.withColumn(
                grouping.rankColumn(),
                Ranking.rankOf(
                    value,
                    List.of(period, grouping.column()),
                    config.ranking(),
                    col(grouping.column()).isNotNull(),
                    config.higherIsBetter()));
      }
    }
    out = changes(out, unit, period, value, valued);
    if (config.publishedRank() != null) {
      // Joined as a double like any covariate; ranks are whole numbers.
      out =
          out.withColumn(RANK_PUBLISHED, col(RANK_PUBLISHED).cast("int"))
              .withColumns(
                  columns(
                      RANK_DIFF_PUBLISHED, col(RANK).minus(col(RANK_PUBLISHED)),
                      RANK_MATCHES_PUBLISHED, col(RANK).equalTo(col(RANK_PUBLISHED))));
    }
    return config.primaryCovariate().isPresent()
        ? performers(out, period, value, config.primaryCovariate().get().name(), config)
        : out;
  }

  /** Name, column, name, column, … in insertion order. */
  private static Map<String, Column> columns(Object... pairs) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Column) pairs[i + 1]);
    }
    return out;
  }

  private static Dataset<Row> changes(
      Dataset<Row> data, String unit, String period, String value, Column valued) {
    return data.withColumns(
            columns(
                PREVIOUS_PERIOD,
                PeriodChange.previous(period, unit, period, valued),
                PREVIOUS_VALUE,
                PeriodChange.previous(value, unit, period, valued),
                PREVIOUS_RANK,
                PeriodChange.previous(RANK, unit, period, valued),
                PREVIOUS_BAND,
                PeriodChange.previous(BAND, unit, period, valued),
                "_previous_band_order",
                PeriodChange.previous(BAND_ORDER, unit, period, valued)))
        .withColumns(
            columns(
                VALUE_CHANGE, col(value).minus(col(PREVIOUS_VALUE)),
                RANK_CHANGE, col(PREVIOUS_RANK).minus(col(RANK)),
                BAND_CHANGE, col("_previous_band_order").minus(col(BAND_ORDER))))
        .drop("_previous_band_order");
  }

  /**
   * Least-squares line value = a + b·covariate per period over the units having both, residual =
   * value − fitted, residual_z = residual / residual standard deviation (n − 2 degrees of freedom).
   * Ranks for the gap are taken among the same units, so a unit without a covariate (the 兵团 has no
   * NBS GDP) does not shift anyone's gap.
   */
  private static Dataset<Row> performers(
      Dataset<Row> data, String period, String value, String covariate, StatisticsConfig config) {
    Column both = col(value).isNotNull().and(col(covariate).isNotNull());
    Column y = when(both, col(value));
    Column x = when(both, col(covariate));
    WindowSpec inPeriod = Window.partitionBy(col(period));
    Column slope = covar_samp(x, y).over(inPeriod).divide(var_samp(x).over(inPeriod));
    Column intercept = avg(y).over(inPeriod).minus(slope.multiply(avg(x).over(inPeriod)));
    Column fittedValue = when(both, intercept.plus(slope.multiply(col(covariate))));
    Dataset<Row> fitted =
        data.withColumns(
            columns(
                FITTED_VALUE, fittedValue,
                RESIDUAL, col(value).minus(fittedValue),
                RANK_WITH_COVARIATE,
                    Ranking.rankOf(
                        value, List.of(period), config.ranking(), both, config.higherIsBetter()),
                COVARIATE_RANK,
                    Ranking.rankOf(covariate, List.of(period), config.ranking(), both)));
    Column n = sum(when(both, 1)).over(inPeriod);
    Column residualSd =
        sqrt(sum(col(RESIDUAL).multiply(col(RESIDUAL))).over(inPeriod).divide(n.minus(2)));
    Dataset<Row> out =
        fitted.withColumns(
            columns(
                RESIDUAL_Z, when(n.gt(2), col(RESIDUAL).divide(residualSd)),
                RANK_GAP, col(COVARIATE_RANK).minus(col(RANK_WITH_COVARIATE))));
    Performers rule = config.performers();
    // Where lower is better, lying below the fitted line is doing better than the covariate
    // predicts.
    Column residualScore = config.higherIsBetter() ? col(RESIDUAL_Z) : col(RESIDUAL_Z).multiply(-1);
    Column score = rule.method() == Performers.Method.RESIDUAL ? residualScore : col(RANK_GAP);
    Column over = score.geq(rule.over());
    Column under = score.leq(-rule.under());
    if (rule.top() > 0) {
      // Only the furthest few of each kind per period: ordered by how far past the line they lie.
      Column overPlace =
          row_number().over(Window.partitionBy(col(period), over).orderBy(score.desc()));
      Column underPlace =
          row_number().over(Window.partitionBy(col(period), under).orderBy(score.asc()));
      over = over.and(overPlace.leq(rule.top()));
      under = under.and(underPlace.leq(rule.top()));
    }
    return out.withColumn(PERFORMANCE, when(over, lit("over")).when(under, lit("under")));
  }
}
