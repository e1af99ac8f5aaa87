package org.egovsuite.quality.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.collection.JavaConverters;

/**
 * A steward's SQL condition is input, not trusted code. It is read with Spark's own parser and
 * accepted only if every node is a column reference, a literal, arithmetic, a comparison,
 * boolean logic, a conditional or a call of a listed pure function. Subqueries, user functions,
 * {@code reflect}/{@code java_method}, and functions that read files or tables are refused with
 * the reason, before anything runs.
 */
final class SqlExpressions {
  /** Expression node kinds (Catalyst class names) a condition may contain. */
  static final Set<String> NODES = Set.of(
      "UnresolvedAttribute", "Literal", "Add", "Subtract", "Multiply", "Divide", "IntegralDivide", "Remainder",
      "UnaryMinus", "UnaryPositive", "EqualTo", "EqualNullSafe", "Not", "LessThan", "LessThanOrEqual",
      "GreaterThan", "GreaterThanOrEqual", "And", "Or", "IsNull", "IsNotNull", "In", "Like", "ILike", "RLike",
      "CaseWhen", "If", "Cast", "UnresolvedFunction", "Between", "LikeAny", "NotLikeAny", "StringTrim");
  /** Pure functions a condition may call. */
  static final Set<String> FUNCTIONS = Set.of(
      "abs", "round", "floor", "ceil", "ceiling", "greatest", "least", "coalesce", "nvl", "ifnull", "nullif",
      "length", "char_length", "lower", "upper", "trim", "ltrim", "rtrim", "substr", "substring", "concat",
      "startswith", "endswith", "contains", "regexp_like", "regexp_extract", "array_contains", "size",
      "cardinality", "datediff", "date_add", "date_sub", "year", "month", "day", "dayofmonth", "to_date",
      "current_date", "isnan", "between", "sqrt", "pow", "power", "ln", "log10", "exp", "sign");

  private SqlExpressions() {}

  /**
   * Checks an expression and lists the columns it names.
   *
   * @throws IllegalArgumentException naming what is wrong: not SQL, or a node or function that
   *     is not allowed
   */
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
    collect(sql, parsed, out);
    return out;
  }

  private static void collect(String sql, Expression expression, List<String> out) {
    String kind = expression.getClass().getSimpleName();
    if (!NODES.contains(kind)) {
      throw new IllegalArgumentException("'" + sql + "' uses " + describe(kind)
          + ", which rules may not; allowed: columns, literals, arithmetic, comparisons, AND/OR/NOT, "
          + "IS NULL, IN, LIKE, RLIKE, CASE/IF, CAST and the functions " + String.join(", ", FUNCTIONS.stream().sorted().toList()));
    }
    if (expression instanceof UnresolvedFunction function) {
      String name = function.nameParts().last().toLowerCase(Locale.ROOT);
      if (!FUNCTIONS.contains(name) || function.nameParts().size() > 1) {
        throw new IllegalArgumentException("'" + sql + "' calls function '" + function.nameParts().mkString(".")
            + "', which rules may not call; allowed functions: " + String.join(", ", FUNCTIONS.stream().sorted().toList()));
      }
    }
    if (expression instanceof UnresolvedAttribute attribute) {
      out.add(attribute.name());
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      collect(sql, child, out);
    }
  }

  private static String describe(String kind) {
    return switch (kind) {
      case "ScalarSubquery", "Exists", "ListQuery", "InSubquery" -> "a subquery";
      case "UnresolvedStar" -> "*";
      default -> "an expression of kind " + kind;
    };
  }
}
