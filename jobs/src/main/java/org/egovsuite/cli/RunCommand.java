package org.egovsuite.cli;

import org.egovsuite.pipeline.IndicatorStage;
import org.egovsuite.pipeline.IngestStage;
import org.egovsuite.pipeline.PublishStage;
import org.egovsuite.pipeline.QualityReport;
import org.egovsuite.pipeline.QualityStage;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: ingest, quality gate, indicators, publish.",
        "A dataset failing an error-severity rule withholds the tables built from it; the others are "
        + "published, and the run exits 4."})
final class RunCommand extends StageCommand {
  RunCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "run";
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      report.accept(IngestStage.execute(ctx));
      QualityReport quality = QualityStage.execute(ctx);
      report.accept(quality);
      // Tables of datasets that passed are published even when another dataset failed; the
      // run still ends with the gate's exit code.
      report.accept(IndicatorStage.execute(ctx));
      report.accept(PublishStage.execute(ctx));
      QualityStage.enforceGate(quality);
    };
  }
}
