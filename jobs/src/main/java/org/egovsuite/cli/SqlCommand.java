package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.publish.DuckDbQuery;
import org.egovsuite.publish.ReadOnlyQuery;
import org.egovsuite.warehouse.LocalWarehouseCheck;
import org.egovsuite.warehouse.SyntheticLabel;
import org.egovsuite.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Query the published tables (DuckDB; Spark SQL with --engine).",
      "Query the published tables (main of each; schema egov), e.g.",
      // at most 78 characters: the help is wrapped at 80, and a wrapped example cannot be copied
      "  bin/egov sql \"SELECT city, rank FROM egov.city_egov_index WHERE rank <= 3\"",
      "Runs on DuckDB over each table's current Iceberg snapshot, in a second or two without Spark.",
      "--engine spark runs Spark SQL instead, for what only Spark reads: time travel",
      "  (SELECT * FROM egov.egdi_summary VERSION AS OF <snapshot id>), metadata tables",
      "  (egov.egdi_summary.snapshots), a run's unpublished branch (egov.<table>.branch_<run>).",
      "Read-only: SELECT, WITH, DESCRIBE, SHOW and EXPLAIN of the egov tables; writes, file sources,",
      "table-valued functions and reflection are refused (exit 3) before anything runs."
    })
final class SqlCommand extends StageCommand {
  enum Engine {
    duckdb,
    spark
  }

  @Parameters(paramLabel = "QUERY", description = "One SQL statement.")
  String query;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Rows printed (default 100).")
  int limit;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "duckdb",
      description = "duckdb (default, local warehouses) or spark.")
  Engine engine;

  SqlCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "sql";
  }

  /**
   * The query's first rows, each a JSON object of column → value, for --json.
   *
   * @param synthetic the tables read whose figures come from data that is not real, with their
   *     synthetic inputs
   */
  record Result(
      String query,
      String engine,
      List<String> columns,
      List<Map<String, Object>> rows,
      boolean more,
      Map<String, String> synthetic) {}

  /** Refused before any engine starts: only queries that read the published tables run. */
  @Override
  java.util.function.Consumer<org.egovsuite.config.PipelineConfig> preflight() {
    return config -> named = new ReadOnlyQuery(TableCatalog.NAMESPACE).check(query);
  }

  /** The tables the query names (set by the preflight); DuckDB opens only those. */
  private java.util.Set<String> named = java.util.Set.of();

  /**
   * While the config loads: DuckDB's native library, Spark's SQL parser, Iceberg's and Hadoop's
   * classes.
   */
  @Override
  java.util.List<Runnable> warmUp() {
    if (engine != Engine.duckdb) {
      return java.util.List.of();
    }
    // a function call, so the check of built-in functions loads their registry too
    return java.util.List.of(
        () -> new ReadOnlyQuery(TableCatalog.NAMESPACE).check("SELECT abs(1)"),
        () -> {
          TableCatalog.warmUp();
          DuckDbQuery.warmUp();
        });
  }

  @Override
  boolean readOnly() {
    return true;
  }

  @Override
  boolean needsSpark() {
    return engine == Engine.spark;
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      ReaderCommand.requirePublished(ctx);
      List<String> columns;
      List<List<Object>> rows = new ArrayList<>();
      boolean more;
      if (engine == Engine.duckdb) {
        if (!LocalWarehouseCheck.isLocal(ctx.warehouse().root())) {
          throw new org.egovsuite.config.ConfigException(
              "DuckDB reads warehouses on this machine; "
                  + ctx.warehouse().root()
                  + " is not: use --engine spark");
        }
        DuckDbQuery.Result result = DuckDbQuery.run(ctx.warehouse().catalog(), query, limit, named);
        columns = result.columns();
        rows.addAll(result.rows());
        more = result.more();
      } else {
        Dataset<Row> result = ctx.spark().sql(query);
        columns = List.of(result.columns());
        // The query runs once; its first rows (one more, to tell whether there are more) come to
        // the driver.
        List<Row> first = result.limit(limit + 1).collectAsList();
        more = first.size() > limit;
        for (Row row : first.subList(0, Math.min(limit, first.size()))) {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            values.add(sparkValue(row.get(i)));
          }
          rows.add(values);
        }
      }
      ctx.listener().text(ResultGrid.render(columns, rows, more));
      // Under the result, so nobody quotes a generated figure without having been told.
      Map<String, String> synthetic = new LinkedHashMap<>();
      for (String table : new java.util.TreeSet<>(named)) {
        if (ctx.warehouse().catalog().exists(table)) {
          SyntheticLabel.of(ctx.warehouse().catalog().load(table))
              .ifPresent(inputs -> synthetic.put(table, inputs));
        }
      }
      synthetic.forEach(
          (table, inputs) -> ctx.listener().text(SyntheticLabel.notice(table, inputs)));
      List<Map<String, Object>> objects = new ArrayList<>();
      for (List<Object> row : rows) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          object.put(columns.get(i), row.get(i));
        }
        objects.add(object);
      }
      report.result(new Result(query, engine.name(), columns, objects, more, synthetic));
    };
  }

  private static Object sparkValue(Object value) {
    if (value instanceof scala.collection.Seq<?> seq) {
      return scala.collection.JavaConverters.seqAsJavaList(seq);
    }
    if (value instanceof java.sql.Date
        || value instanceof java.sql.Timestamp
        || value instanceof java.time.temporal.Temporal) {
      return value.toString();
    }
    return value;
  }
}
