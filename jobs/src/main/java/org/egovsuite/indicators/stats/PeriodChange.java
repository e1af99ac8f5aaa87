package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The value a unit had in its previous period (the previous survey in which it took part), for
 * year-over-year change of value, rank and band.
 */
public final class PeriodChange {
  private PeriodChange() {}

  /**
   * @param eligible rows that take part; others neither get a previous value nor serve as one
   */
  public static Column previous(String column, String unit, String period, Column eligible) {
    WindowSpec window = Window.partitionBy(col(unit), eligible).orderBy(col(period));
    return when(eligible, lag(col(column), 1).over(window));
  }
}
