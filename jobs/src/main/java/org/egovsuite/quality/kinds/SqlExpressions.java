package org.egovsuite.quality.kinds;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.collection.JavaConverters;

/**
 * Reads a steward's SQL condition with Spark's own parser, so a typo is reported with the rule
 * that holds it before anything runs, and lists the columns it names.
 */
final class SqlExpressions {
  private SqlExpressions() {}

  /** @throws IllegalArgumentException when the text is not a SQL expression */
  static List<String> referencedColumns(String sql) {
    Expression parsed;
    try {
      parsed = CatalystSqlParser$.MODULE$.parseExpression(sql);
    } catch (Exception e) { // Scala does not declare ParseException, so javac cannot see it thrown
      if (!(e instanceof ParseException)) {
        throw e;
      }
      throw new IllegalArgumentException("'" + sql + "' is not a valid SQL expression: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> out = new ArrayList<>();
    collect(parsed, out);
    return out;
  }

  private static void collect(Expression expression, List<String> out) {
    if (expression instanceof UnresolvedAttribute attribute) {
      out.add(attribute.name());
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      collect(child, out);
    }
  }
}
