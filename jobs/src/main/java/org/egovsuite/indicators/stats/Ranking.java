package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.egovsuite.config.RankingMethod;

/**
 * Rank of a value within a group, best first (highest, or lowest where lower is better). Spark's
 * {@code rank()} is competition ranking ("1224": 1 + number strictly higher) and {@code
 * dense_rank()} is "1223". Rows whose value is null, or that are excluded, get a null rank and do
 * not take a place.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * @param eligible rows that take part in the ranking; others get null
   */
  public static Column rankOf(
      String value, List<String> partitionBy, RankingMethod method, Column eligible) {
    return rankOf(value, partitionBy, method, eligible, true);
  }

  /**
   * @param higherIsBetter false: rank 1 is the lowest value (days to fix, cost)
   */
  public static Column rankOf(
      String value,
      List<String> partitionBy,
      RankingMethod method,
      Column eligible,
      boolean higherIsBetter) {
    Column ranked = col(value).isNotNull().and(eligible);
    WindowSpec window =
        Window.partitionBy(partitionColumns(partitionBy, ranked))
            .orderBy(higherIsBetter ? col(value).desc() : col(value).asc());
    Column r = method == RankingMethod.DENSE ? dense_rank().over(window) : rank().over(window);
    return when(ranked, r);
  }

  private static Column[] partitionColumns(List<String> partitionBy, Column ranked) {
    Column[] out = new Column[partitionBy.size() + 1];
    for (int i = 0; i < partitionBy.size(); i++) {
      out[i] = col(partitionBy.get(i));
    }
    // Ineligible rows are ranked in a group of their own, so they never push eligible rows down.
    out[partitionBy.size()] = ranked;
    return out;
  }
}
