package org.egovsuite.cli;

import org.egovsuite.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Check the standardised data against the rule files (the gate).",
      "Check the standardised data left by 'ingest' against quality-rules/<dataset>.yaml (Deequ, "
          + "one verification per dataset), quarantine failing rows of quarantine rules, append the "
          + "metrics history. Exit 4 when an error-severity rule fails. Steward subcommands: check (dry "
          + "run), suggest (draft rules), history (metrics)."
    })
final class QualityCommand extends StageCommand {
  QualityCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "quality";
  }

  @Override
  CommandRunner.Body body() {
    return Pipeline::quality;
  }
}
