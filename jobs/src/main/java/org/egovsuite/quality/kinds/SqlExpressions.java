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
 * accepted only if every node is a column reference, a literal, arithmetic, a comparison, boolean
 * logic, a conditional or a call of a listed pure function. Subqueries, user functions, {@code
 * reflect}/{@code java_method}, and functions that read files or tables are refused with the
 * reason, before anything runs.
 */
final class SqlExpressions {
  /** Expression node kinds (Catalyst class names) a condition may contain. */
  static final Set<String> NODES =
      Set.of(
          "UnresolvedAttribute",
          "Literal",
          "Add",
          "Subtract",
          "Multiply",
          "Divide",
          "IntegralDivide",
          "Remainder",
          "UnaryMinus",
          "UnaryPositive",
          "EqualTo",
          "EqualNullSafe",
          "Not",
          "LessThan",
          "LessThanOrEqual",
          "GreaterThan",
          "GreaterThanOrEqual",
          "And",
          "Or",
          "IsNull",
          "IsNotNull",
          "In",
          "Like",
          "ILike",
          "RLike",
          "CaseWhen",
          "If",
          "Cast",
          "UnresolvedFunction",
          "Between",
          "LikeAny",
          "NotLikeAny",
          "StringTrim");

  /** Pure functions a condition may call. */
  static final Set<String> FUNCTIONS =
      Set.of(
          "abs",
          "round",
          "floor",
          "ceil",
          "ceiling",
          "greatest",
          "least",
          "coalesce",
          "nvl",
          "ifnull",
          "nullif",
          "length",
          "char_length",
          "lower",
          "upper",
          "trim",
          "ltrim",
          "rtrim",
          "substr",
          "substring",
          "concat",
          "startswith",
          "endswith",
          "contains",
          "regexp_like",
          "regexp_extract",
          "array_contains",
          "size",
          "cardinality",
          "datediff",
          "date_add",
          "date_sub",
          "year",
          "month",
          "day",
          "dayofmonth",
          "to_date",
          "current_date",
          "isnan",
          "between",
          "sqrt",
          "pow",
          "power",
          "ln",
          "log10",
          "exp",
          "sign");

  /** Longest condition accepted: the bundled rules are under 200 characters. */
  static final int MAX_LENGTH = 2_000;

  /** Deepest nesting of parentheses accepted; deeper ones would overflow the parser's stack. */
  static final int MAX_DEPTH = 40;

  private SqlExpressions() {}

  /**
   * Checks an expression and lists the columns it names.
   *
   * @throws IllegalArgumentException naming what is wrong: not SQL, or a node or function that is
   *     not allowed
   */
  static List<String> referencedColumns(String sql) {
    if (sql.contains("${")) {
      // The suite's sessions do not substitute variables; refused anyway, so that the text that
      // was checked is the text that runs on any session.
      throw new IllegalArgumentException(
          shorten(sql)
              + " contains '${': variable substitution (${env:…}) is not allowed in rules");
    }
    checkShape(sql);
    Expression parsed;
    try {
      parsed = CatalystSqlParser$.MODULE$.parseExpression(sql);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(shorten(sql) + " is nested too deeply to parse");
    } catch (Exception e) { // Scala does not declare ParseException, so javac cannot see it thrown
      if (!(e instanceof ParseException)) {
        throw e;
      }
      throw new IllegalArgumentException(
          shorten(sql) + " is not a valid SQL expression: " + reason(e.getMessage()));
    }
    List<String> out = new ArrayList<>();
    collect(sql, parsed, out, 0);
    return out;
  }

  /**
   * Refuses before parsing what would break or mislead the parser: a text longer than {@link
   * #MAX_LENGTH}, parentheses deeper than {@link #MAX_DEPTH}, and SQL comments (a {@code --} in a
   * rule's {@code where} comments out the rest of the query it is placed in).
   */
  private static void checkShape(String sql) {
    if (sql.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          shorten(sql)
              + " is "
              + sql.length()
              + " characters long; conditions are "
              + "limited to "
              + MAX_LENGTH);
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\') {
          i++;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(' && ++depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            shorten(sql) + " nests parentheses deeper than " + MAX_DEPTH);
      } else if (c == ')') {
        depth--;
      } else if ((c == '-' || c == '/')
          && i + 1 < sql.length()
          && sql.charAt(i + 1) == (c == '-' ? '-' : '*')) {
        throw new IllegalArgumentException(
            shorten(sql)
                + " contains a SQL comment ("
                + c
                + sql.charAt(i + 1)
                + "), which conditions may not");
      }
    }
  }

  /** The expression for a message: at most 120 characters. */
  static String shorten(String sql) {
    return "'" + (sql.length() <= 120 ? sql : sql.substring(0, 117) + "…") + "'";
  }

  /** Spark's reason: its first non-blank line (its messages start with a line break). */
  static String reason(String message) {
    return message == null
        ? ""
        : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }

  private static void collect(String sql, Expression expression, List<String> out, int depth) {
    if (depth > MAX_LENGTH) {
      throw new IllegalArgumentException(shorten(sql) + " is nested too deeply");
    }
    String kind = expression.getClass().getSimpleName();
    if (!NODES.contains(kind)) {
      throw new IllegalArgumentException(
          shorten(sql)
              + " uses "
              + describe(kind)
              + ", which rules may not; allowed: columns, literals, arithmetic, comparisons, AND/OR/NOT, "
              + "IS NULL, IN, LIKE, RLIKE, CASE/IF, CAST and the functions "
              + String.join(", ", FUNCTIONS.stream().sorted().toList()));
    }
    if (expression instanceof UnresolvedFunction function) {
      String name = function.nameParts().last().toLowerCase(Locale.ROOT);
      if (!FUNCTIONS.contains(name) || function.nameParts().size() > 1) {
        throw new IllegalArgumentException(
            shorten(sql)
                + " calls function '"
                + function.nameParts().mkString(".")
                + "', which rules may not call; allowed functions: "
                + String.join(", ", FUNCTIONS.stream().sorted().toList()));
      }
    }
    if (expression instanceof UnresolvedAttribute attribute) {
      out.add(attribute.name());
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      collect(sql, child, out, depth + 1);
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
