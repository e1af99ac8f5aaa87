package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.corr;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.var_samp;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Correlation of an index with each covariate, per period, over the units having both values:
 * Pearson's r, Spearman's ρ (Pearson's r of the ranks, tied values sharing their average rank) and
 * the least-squares line value = intercept + slope · covariate. Fewer than two units, or a constant
 * column, give null.
 */
public final class Correlations {
  public static final String COVARIATE = "covariate";
  public static final String UNITS = "units";
  public static final String PEARSON = "pearson_r";
  public static final String SPEARMAN = "spearman_rho";
  public static final String SLOPE = "slope";
  public static final String INTERCEPT = "intercept";

  private Correlations() {}

  public static Dataset<Row> of(
      Dataset<Row> units, String period, String value, List<String> covariates) {
    return covariates.stream()
        .map(covariate -> one(units, period, value, covariate))
        .reduce(Dataset::unionByName)
        .orElseThrow(
            () -> new IllegalArgumentException("no covariate to correlate " + value + " with"));
  }

  private static Dataset<Row> one(
      Dataset<Row> units, String period, String value, String covariate) {
    Dataset<Row> both =
        units
            .where(col(value).isNotNull().and(col(covariate).isNotNull()))
            .select(
                col(period),
                col(value).cast("double").as("y"),
                col(covariate).cast("double").as("x"))
            .withColumn("ry", averageRank(period, "y"))
            .withColumn("rx", averageRank(period, "x"));
    Column slope = covar_samp(col("x"), col("y")).divide(var_samp(col("x")));
    List<Column> aggregates =
        new ArrayList<>(
            List.of(
                count(lit(1)).as(UNITS),
                corr(col("y"), col("x")).as(PEARSON),
                corr(col("ry"), col("rx")).as(SPEARMAN),
                slope.as(SLOPE),
                avg(col("y")).minus(slope.multiply(avg(col("x")))).as(INTERCEPT)));
    return both.groupBy(col(period))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .select(
            col(period),
            lit(covariate).as(COVARIATE),
            col(UNITS),
            col(PEARSON),
            col(SPEARMAN),
            col(SLOPE),
            col(INTERCEPT));
  }

  /** Rank from the lowest value, ties sharing the mean of the places they occupy. */
  private static Column averageRank(String period, String column) {
    WindowSpec ordered = Window.partitionBy(col(period)).orderBy(col(column));
    WindowSpec tied = Window.partitionBy(col(period), col(column));
    return rank().over(ordered).plus(count(lit(1)).over(tied).minus(1).divide(2.0));
  }
}
