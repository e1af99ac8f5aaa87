package org.egovsuite.cli;

import org.egovsuite.pipeline.PublishRollback;
import org.egovsuite.pipeline.PublishStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Publish the tables of the last 'indicators' run as new versions of <warehouse>/tables/<table>:",
        "each written aside and validated (schema, rows, quality verdict), then readers switched in one",
        "step (the CURRENT file); the catalog (egov.<table>) and DuckDB views follow; the two previous",
        "versions are kept. Writes the run manifest and the spreadsheet exports.",
        "With --rollback TABLE: switch that table back to its previous version."})
final class PublishCommand extends StageCommand {
  @Option(names = "--rollback", paramLabel = "TABLE", description = "Point TABLE's readers at its previous version.")
  String rollback;

  PublishCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return rollback == null ? "publish" : "publish --rollback";
  }

  @Override
  CommandRunner.Body body() {
    if (rollback != null) {
      return (ctx, report) -> {
        PublishRollback.Report result = PublishRollback.execute(ctx, rollback);
        ctx.listener().text(String.format("%n%s: %s → %s (run %s, published %s, %,d rows, content sha256 %s)%n",
            result.table(), result.from(), result.to(), result.lineage().runId(), result.lineage().publishedAt(),
            result.lineage().rows(), result.lineage().contentSha256()));
        report.accept(result);
      };
    }
    return (ctx, report) -> report.accept(PublishStage.execute(ctx));
  }
}
