package org.egovsuite.cli;

import org.egovsuite.pipeline.PublishStage;
import picocli.CommandLine.Command;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Move the tables of the last 'indicators' run into <warehouse>/tables and",
        "write the run manifest (inputs with checksums, rule results, tables with row counts)."})
final class PublishCommand extends StageCommand {
  PublishCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "publish";
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> report.accept(PublishStage.execute(ctx));
  }
}
