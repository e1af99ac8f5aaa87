package org.egovsuite.cli;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.pipeline.PublishStage;
import org.egovsuite.publish.Catalog;
import org.egovsuite.publish.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run a Spark SQL query over the published tables (database egov), e.g.",
        "  bin/egov sql \"SELECT city, city_egov_index FROM egov.city_egov_index WHERE year = 2018 LIMIT 10\"",
        "Read-only: SELECT, WITH, DESCRIBE, SHOW and EXPLAIN of the egov tables; writes, file sources,",
        "table-valued functions and reflection are refused (exit 3) before anything runs.",
        "The catalog is first brought in line with the tables' current versions."})
final class SqlCommand extends StageCommand {
  @Parameters(paramLabel = "QUERY", description = "One SQL statement.")
  String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Rows printed (default 100).")
  int limit;

  SqlCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "sql";
  }

  /** The query's first rows as JSON, for --json. */
  record Result(String query, List<String> columns, List<String> rows) {}

  /** Refused before Spark starts: only queries that read the published tables run. */
  @Override
  java.util.function.Consumer<org.egovsuite.config.PipelineConfig> preflight() {
    return config -> new ReadOnlyQuery(Catalog.DATABASE).check(query);
  }

  @Override
  boolean readOnly() {
    return true;
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      PublishStage.followPointers(ctx);
      Dataset<Row> result = ctx.spark().sql(query);
      // The query runs once; the first rows are then printed and serialised from the driver.
      Dataset<Row> first = ctx.spark().createDataFrame(result.limit(limit).collectAsList(), result.schema());
      // Spark's own table layout (Dataset.show's), as text instead of on System.out.
      ctx.listener().text(first.showString(limit, 0, false));
      report.accept(new Result(query, List.of(result.columns()), first.toJSON().collectAsList()));
    };
  }
}
