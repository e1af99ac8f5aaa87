package org.egovsuite.config;

import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * SQL written in an indicator definition, read with Spark's own parser when the definition loads so
 * a typo is reported with file and line before any job runs. Definitions are the data engineer's
 * code (unlike a steward's rule expressions, which are allow-listed), so any function Spark knows
 * may be used; unknown columns are reported by Spark when the indicator runs.
 */
final class SqlText {
  private SqlText() {}

  static String expression(YamlNode node) {
    String sql = node.asString();
    try {
      CatalystSqlParser$.MODULE$.parseExpression(sql);
    } catch (Exception e) { // Scala does not declare ParseException, so javac cannot see it thrown
      if (!(e instanceof ParseException)) {
        throw e;
      }
      throw node.error(
          "'"
              + sql
              + "' is not a valid SQL expression: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    return sql;
  }
}
