package org.egovsuite.cli;

import org.egovsuite.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "The whole pipeline: ingest, quality, indicators, publish, brief.",
      "A dataset failing an error-severity rule withholds the tables built from it; the others are "
          + "published, and the run exits 4. The brief of the published tables (bin/egov brief) is written "
          + "last, in the languages of the pipeline file's exports: brief: (default zh, en)."
    })
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
    return Pipeline::run;
  }
}
