package org.egovsuite.indicators.economy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.PerCapitaIndicator;

/**
 * Per unit and period: numerator, denominator (each in its source unit) and numerator × factor /
 * (denominator × factor) — GDP (亿元 × 1e8) / year-end resident population (万人 × 1e4) = GDP per
 * capita in yuan. Units or periods missing either side keep a null ratio (the NBS population export
 * starts in 2015, GDP in 2006). Rows with no unit code (unresolved names) are left out here; the
 * quality stage reports them.
 */
public final class PerCapitaTable {
  private PerCapitaTable() {}

  public static Dataset<Row> of(Dataset<Row> longForm, PerCapitaIndicator definition) {
    String unit = definition.unit();
    String period = definition.period();
    // Both sides come from one dataset: renamed keys keep the self-join unambiguous.
    Dataset<Row> num = side(longForm, definition, definition.numerator(), "_n");
    Dataset<Row> den =
        side(longForm, definition, definition.denominator(), "_d")
            .withColumnRenamed(unit, "_d_unit")
            .withColumnRenamed(period, "_d_period");
    Dataset<Row> joined =
        num.join(
            den,
            col(unit).equalTo(col("_d_unit")).and(col(period).equalTo(col("_d_period"))),
            "full_outer");
    String numeratorColumn = definition.numerator().column();
    String denominatorColumn = definition.denominator().column();
    return joined.select(
        coalesce(col(unit), col("_d_unit")).as(unit),
        coalesce(col("_n"), col("_d")).as(definition.unitName()),
        coalesce(col(period), col("_d_period")).as(period),
        col(numeratorColumn),
        col(denominatorColumn),
        col(numeratorColumn)
            .multiply(definition.numerator().factor())
            .divide(col(denominatorColumn).multiply(definition.denominator().factor()))
            .as(definition.column()));
  }

  private static Dataset<Row> side(
      Dataset<Row> longForm,
      PerCapitaIndicator definition,
      PerCapitaIndicator.Side side,
      String nameAlias) {
    return longForm
        .where(
            col(definition.indicatorColumn())
                .equalTo(side.indicator())
                .and(col(definition.unit()).isNotNull()))
        .select(
            col(definition.unit()),
            col(definition.period()),
            col(definition.unitName()).as(nameAlias),
            col("value").as(side.column()));
  }
}
