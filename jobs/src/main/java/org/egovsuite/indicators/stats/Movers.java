package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The risers and fallers of each period (the report's "fast risers"): the {@code n} units that
 * gained the most places since their previous period and the {@code n} that lost the most. Ties are
 * broken by the current rank, then the unit, so the table is the same on every run.
 */
public final class Movers {
  public static final String SUFFIX = "_movers";
  public static final String DIRECTION = "direction";
  public static final String POSITION = "position";
  public static final String RISER = "riser";
  public static final String FALLER = "faller";

  private Movers() {}

  public static Dataset<Row> of(
      Dataset<Row> annotated, String unit, String unitName, String period, String value, int n) {
    Column[] columns = {
      col(period),
      col(unit),
      col(unitName),
      col(StatColumns.RANK),
      col(StatColumns.PREVIOUS_RANK),
      col(StatColumns.RANK_CHANGE),
      col(value),
      col(StatColumns.VALUE_CHANGE)
    };
    Dataset<Row> risers =
        annotated
            .where(col(StatColumns.RANK_CHANGE).gt(0))
            .withColumn(
                POSITION,
                row_number()
                    .over(
                        Window.partitionBy(col(period))
                            .orderBy(
                                col(StatColumns.RANK_CHANGE).desc(),
                                col(StatColumns.RANK),
                                col(unit))))
            .where(col(POSITION).leq(n))
            .select(withDirection(RISER, columns));
    Dataset<Row> fallers =
        annotated
            .where(col(StatColumns.RANK_CHANGE).lt(0))
            .withColumn(
                POSITION,
                row_number()
                    .over(
                        Window.partitionBy(col(period))
                            .orderBy(
                                col(StatColumns.RANK_CHANGE),
                                col(StatColumns.RANK).desc(),
                                col(unit))))
            .where(col(POSITION).leq(n))
            .select(withDirection(FALLER, columns));
    return risers.unionByName(fallers);
  }

  private static Column[] withDirection(String direction, Column[] columns) {
    Column[] out = new Column[columns.length + 2];
    out[0] = lit(direction).as(DIRECTION);
    out[1] = col(POSITION);
    System.arraycopy(columns, 0, out, 2, columns.length);
    return out;
  }
}
