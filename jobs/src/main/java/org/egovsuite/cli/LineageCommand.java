package org.egovsuite.cli;

import org.egovsuite.pipeline.LineageReader;
import org.egovsuite.publish.TableLineage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// Not the standard help mixin: its -V/--version would take this command's --version (a table version).
@Command(name = "lineage",
    description = {"Where a published table comes from: run id, input files with checksums, the quality",
        "results that admitted them, code version and configuration hash (tables/<table>/<version>/_lineage.json)."})
final class LineageCommand extends StageCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(paramLabel = "TABLE", description = "A published table, e.g. city_egov_index.")
  String table;

  @Option(names = "--version", paramLabel = "V", description = "A kept version (e.g. v000002) instead of the current one.")
  String version;

  LineageCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "lineage";
  }

  @Override
  boolean readOnly() {
    return true;
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      TableLineage lineage = LineageReader.read(ctx, table, version);
      ctx.listener().text(LineageText.render(lineage, ctx.warehouse().versions(table).current().orElse("")));
      report.accept(lineage);
    };
  }
}
