package org.egovsuite.cli;

import picocli.CommandLine.Option;

/** The dataset a steward's command works on. */
final class DatasetOption {
  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "NAME",
      description = "A dataset of the pipeline (conf/pipeline.yaml).")
  String name;
}
