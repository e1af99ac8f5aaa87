package org.egovsuite.cli;

import org.egovsuite.publish.TableLineage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Where a published table's snapshot comes from, input by input.",
      "Where a published table comes from: the run that wrote the snapshot main holds (or "
          + "another), code version and configuration hash, the quality verdicts of its inputs, and "
          + "from the run's manifest every input file with its SHA-256. Read from the Iceberg "
          + "snapshot's summary, without Spark:",
      "  bin/egov lineage city_egov_index",
      "  bin/egov lineage city_egov_index --as-of 2026-12-01T00:00:00Z"
    })
final class LineageCommand extends ReaderCommand {
  @Parameters(paramLabel = "TABLE", description = "A published table, e.g. city_egov_index.")
  String table;

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description = "A snapshot id instead of main's current one.")
  Long snapshot;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description =
          "The snapshot main held at TIME " + "(2026-12-01T08:00:00Z, or a date: its end, UTC).")
  String asOf;

  LineageCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "lineage";
  }

  @Override
  java.util.List<Runnable> warmUp() {
    return java.util.List.of(org.egovsuite.warehouse.TableCatalog::warmUp);
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      TableLineage lineage = TableLineage.read(ctx.warehouse(), table, snapshot, asOf);
      ctx.listener().text(LineageText.render(lineage));
      report.result(lineage);
    };
  }
}
