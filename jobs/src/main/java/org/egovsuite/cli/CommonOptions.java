package org.egovsuite.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(names = "--warehouse", paramLabel = "URI", defaultValue = "warehouse",
      description = "Folder all stages read and write: a local path or a Hadoop URI (default: ${DEFAULT-VALUE}).")
  String warehouse;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "Pipeline definition (default: conf/pipeline.yaml under the project home).")
  String conf;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}, embedded local Spark).")
  String master;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--json", description = "Print only a machine-readable JSON summary on stdout.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
  boolean verbose;
}
