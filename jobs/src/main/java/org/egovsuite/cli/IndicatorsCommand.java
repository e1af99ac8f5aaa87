package org.egovsuite.cli;

import org.egovsuite.pipeline.IndicatorStage;
import org.egovsuite.pipeline.IndicatorsReport;
import org.egovsuite.pipeline.QualityGateException;
import picocli.CommandLine.Command;

@Command(name = "indicators", mixinStandardHelpOptions = true,
    description = {"Compute the indicator tables into the run's Iceberg branches.",
        "Compute the indicator tables from data that passed the quality gate, each into the run's "
        + "branch of its Iceberg table egov.<table> (readers of main see nothing until 'bin/egov "
        + "publish' has audited it)."})
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
    return (ctx, report) -> {
      IndicatorsReport indicators = IndicatorStage.execute(ctx);
      report.accept(indicators);
      if (!indicators.withheld().isEmpty()) {
        throw new QualityGateException("tables withheld by the quality gate: " + String.join("; ", indicators.withheld()));
      }
    };
  }
}
