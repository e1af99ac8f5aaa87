package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rounding for display the way the report rounds: half-up to 2 decimals (40.625% → 40.63%), as
 * decimals so that a reader sees exactly the published digits. Spark's {@code round} on a double
 * goes through the shortest decimal that prints the double (Scala's {@code BigDecimal(double)}), so
 * 1.005 rounds to 1.01 as a person reading "1.005" would — not to 1.00 as the binary value
 * 1.00499999... would under {@code new java.math.BigDecimal(double)}. The unrounded columns stay
 * next to the display ones.
 */
public final class DisplayRounding {
  public static final String SUFFIX = "_display";

  private DisplayRounding() {}

  public static Column halfUp(Column value) {
    return round(value, 2).cast("decimal(20,2)");
  }

  /** Adds {@code <column>_display} after each of the given columns' values. */
  public static Dataset<Row> withDisplay(Dataset<Row> data, String... columns) {
    Dataset<Row> out = data;
    for (String column : columns) {
      out = out.withColumn(column + SUFFIX, halfUp(col(column)));
    }
    return out;
  }
}
