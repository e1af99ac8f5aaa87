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

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit was given, else local[*]: embedded local Spark).")
  String master;

  /**
   * The master to build the session with: --master if given; null under spark-submit (which
   * sets spark.master for the session to pick up); else embedded local Spark.
   */
  String effectiveMaster() {
    if (master != null) {
      return master;
    }
    return System.getProperty("spark.master") != null ? null : "local[*]";
  }

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--json", description = "Print only a machine-readable JSON summary on stdout.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
  boolean verbose;
}
