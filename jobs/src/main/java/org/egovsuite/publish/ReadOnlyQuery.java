package org.egovsuite.publish;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.FunctionIdentifier$;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * An analyst's query over the published tables is input, not trusted code: it is parsed with
 * Spark's own SQL parser (no SparkSession needed) and accepted only if it reads. Every node of the
 * parsed plan must be a query operator (SELECT, WITH, joins, set operations, VALUES, time travel)
 * or, at the top, DESCRIBE, SHOW or EXPLAIN of such a query; every table named must be one of the
 * {@code egov} namespace (so {@code text.`/etc/passwd`} and other file sources are refused);
 * table-valued functions are refused; functions must be Spark's built-ins, less the reflective ones
 * ({@code reflect}, {@code java_method}). Variable substitution ({@code ${env:…}}) is refused in
 * the text, since Spark would apply it after this check.
 */
public final class ReadOnlyQuery {
  /** Query operators (Catalyst class names) a query may contain. */
  static final Set<String> QUERY_NODES =
      Set.of(
          "Project",
          "Filter",
          "Aggregate",
          "UnresolvedHaving",
          "Sort",
          "GlobalLimit",
          "LocalLimit",
          "Offset",
          "Tail",
          "Join",
          "LateralJoin",
          "Union",
          "Intersect",
          "Except",
          "Distinct",
          "Deduplicate",
          "SubqueryAlias",
          "UnresolvedRelation",
          "UnresolvedWith",
          "OneRowRelation",
          "LocalRelation",
          "UnresolvedInlineTable",
          "WithWindowDefinition",
          "Generate",
          "Pivot",
          "Unpivot",
          "Sample",
          "RelationTimeTravel",
          "UnresolvedHint",
          "Repartition",
          "RepartitionByExpression",
          "UnresolvedSubqueryColumnAliases",
          "Window",
          "UnresolvedTableOrView",
          "UnresolvedNamespace");

  /** Statements that only describe, allowed at the top of the plan. */
  static final Set<String> DESCRIBING =
      Set.of(
          "DescribeRelation",
          "DescribeColumn",
          "ShowTables",
          "ShowNamespaces",
          "ShowColumns",
          "ShowTableProperties",
          "ShowFunctions",
          "ShowViews",
          "ExplainCommand",
          "DescribeQueryCommand");

  /** Built-in functions that call into the JVM by name. */
  static final Set<String> REFLECTIVE = Set.of("reflect", "java_method", "try_reflect");

  private final String namespace;
  private final Set<String> tables = new java.util.TreeSet<>();

  /**
   * @param namespace the only namespace whose tables a query may read (egov)
   */
  public ReadOnlyQuery(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Checks a query before anything runs.
   *
   * @return the published tables the query names (lower case), so an engine opens only those
   * @throws QueryRefusedException naming what is not allowed and what is
   */
  public Set<String> check(String sql) {
    if (sql.contains("${")) {
      throw new QueryRefusedException(
          "'${' is not allowed in a query: Spark would substitute variables "
              + "(${env:…}, ${system:…}) into it after it was checked");
    }
    LogicalPlan plan;
    try {
      plan = new SparkSqlParser().parsePlan(sql);
    } catch (Exception e) { // Scala does not declare ParseException, so javac cannot see it thrown
      throw new QueryRefusedException("not valid SQL: " + firstLine(e.getMessage()));
    }
    String kind = plan.getClass().getSimpleName();
    if (plan instanceof ExplainCommand explain) {
      query(explain.logicalPlan());
    } else if (plan instanceof DescribeQueryCommand describe) {
      query(describe.plan());
    } else if (DESCRIBING.contains(kind)) {
      children(plan).forEach(this::query);
    } else {
      query(plan);
    }
    return Set.copyOf(tables);
  }

  private void query(LogicalPlan plan) {
    String kind = plan.getClass().getSimpleName();
    if (!QUERY_NODES.contains(kind)) {
      throw new QueryRefusedException(
          describe(kind)
              + " is not allowed: bin/egov sql only reads (SELECT, WITH, "
              + "DESCRIBE, SHOW, EXPLAIN)");
    }
    if (plan instanceof UnresolvedRelation relation) {
      table(JavaConverters.seqAsJavaList(relation.multipartIdentifier()));
    } else if (plan instanceof UnresolvedTableOrView table) {
      table(JavaConverters.seqAsJavaList(table.multipartIdentifier()));
    } else if (plan instanceof UnresolvedNamespace space) {
      List<String> parts = JavaConverters.seqAsJavaList(space.multipartIdentifier());
      if (!parts.isEmpty() && !parts.get(parts.size() - 1).equalsIgnoreCase(namespace)) {
        throw new QueryRefusedException(
            "namespace '"
                + String.join(".", parts)
                + "' is not allowed; the published "
                + "tables are in "
                + namespace);
      }
    }
    for (Expression e : JavaConverters.seqAsJavaList(plan.expressions())) {
      expression(e);
    }
    children(plan).forEach(this::query);
  }

  /** Children and inner children (a WITH's named queries), the plans inside a plan. */
  private static List<LogicalPlan> children(LogicalPlan plan) {
    List<LogicalPlan> out =
        new java.util.ArrayList<>(JavaConverters.seqAsJavaList(plan.children()));
    for (Object inner : JavaConverters.seqAsJavaList((Seq<?>) plan.innerChildren())) {
      if (inner instanceof LogicalPlan p) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * A table named {@code t}, {@code egov.t}, {@code catalog.egov.t}, or with a branch or metadata
   * table after it ({@code egov.t.branch_x}, {@code egov.t.snapshots}, {@code
   * catalog.egov.t.history}).
   */
  private void table(List<String> parts) {
    int at =
        parts.size() == 1
            ? -1
            : parts.get(0).equalsIgnoreCase(namespace)
                ? 0
                : parts.size() >= 3 && parts.get(1).equalsIgnoreCase(namespace) ? 1 : -2;
    if (at == -2 || parts.size() - at > 3) {
      throw new QueryRefusedException(
          "'"
              + String.join(".", parts)
              + "' is not a published table: queries read "
              + "the tables of "
              + namespace
              + " (file sources such as text.`/path` or parquet.`/path` are not allowed)");
    }
    tables.add(parts.get(at + 1).toLowerCase(Locale.ROOT));
  }

  private void expression(Expression e) {
    if (e instanceof UnresolvedFunction function) {
      List<String> parts = JavaConverters.seqAsJavaList(function.nameParts());
      String name = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
      if (REFLECTIVE.contains(name)) {
        throw new QueryRefusedException(
            "function " + name + " calls Java methods by name and is not allowed");
      }
      if (parts.size() > 1
          || !FunctionRegistry$.MODULE$
              .builtin()
              .functionExists(FunctionIdentifier$.MODULE$.apply(name))) {
        throw new QueryRefusedException(
            "function "
                + String.join(".", parts)
                + " is not one of Spark's built-in "
                + "functions; only those are allowed");
      }
    }
    if (e instanceof SubqueryExpression subquery) {
      query(subquery.plan());
    }
    for (Expression child : JavaConverters.seqAsJavaList(e.children())) {
      expression(child);
    }
  }

  private static String describe(String kind) {
    return switch (kind) {
      case "InsertIntoStatement", "InsertIntoDir" -> "INSERT (" + kind + ")";
      case "UnresolvedTableValuedFunction" -> "a table-valued function";
      default ->
          kind.replaceAll("Command$", "")
                  .replaceAll("([a-z])([A-Z])", "$1 $2")
                  .toUpperCase(Locale.ROOT)
              + " ("
              + kind
              + ")";
    };
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }

  /** A query that is not read-only or not SQL: bad usage of the command, exit 3. */
  public static final class QueryRefusedException extends org.egovsuite.config.ConfigException {
    QueryRefusedException(String message) {
      super("query refused: " + message);
    }
  }
}
