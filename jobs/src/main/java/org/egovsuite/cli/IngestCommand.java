package org.egovsuite.cli;

import org.egovsuite.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read and standardise every dataset; unreadable rows to quarantine.",
      "Read every dataset of the pipeline, standardise it and write it to "
          + "<warehouse>/standardized; unreadable rows go to <warehouse>/quarantine with the reason."
    })
final class IngestCommand extends StageCommand {
  IngestCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "ingest";
  }

  @Override
  CommandRunner.Body body() {
    return Pipeline::ingest;
  }
}
