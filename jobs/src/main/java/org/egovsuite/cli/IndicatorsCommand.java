package org.egovsuite.cli;

import org.egovsuite.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the indicator tables into the run's Iceberg branches.",
      "Compute the indicator tables from data that passed the quality gate, each into the run's "
          + "branch of its Iceberg table egov.<table> (readers of main see nothing until 'bin/egov "
          + "publish' has audited it)."
    })
final class IndicatorsCommand extends StageCommand {
  IndicatorsCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "indicators";
  }

  @Override
  CommandRunner.Body body() {
    return Pipeline::indicators;
  }
}
