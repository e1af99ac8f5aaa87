package org.egovsuite.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(
      names = "--warehouse",
      paramLabel = "URI",
      description =
          "Folder all stages read and write: a local path or a Hadoop URI (default: the job config's, "
              + "else the profile's, else ./warehouse).")
  String warehouse;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "local",
      description =
          "Environment profile conf/profiles/NAME.yaml: master, warehouse, Spark settings "
              + "(default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--spark-conf",
      paramLabel = "KEY=VALUE",
      description =
          "A Spark setting for this run; overrides the job config and the profile. Repeatable.")
  java.util.Map<String, String> sparkConf = new java.util.LinkedHashMap<>();

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Pipeline definition (default: conf/pipeline.yaml under the project home).")
  String conf;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Project home: conf/profiles, conf/datasets, conf/indicators and relative paths are found "
              + "under it (default: the folder above the pipeline file's conf/ folder, else the launcher's home).")
  String home;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (default: the profile's, else the one spark-submit was given, else local[*]: "
              + "embedded local Spark). A cluster master also prints the equivalent spark-submit line.")
  String master;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print the answer only: no progress lines.")
  boolean quiet;

  @Option(names = "--json", description = "Print only a machine-readable JSON summary on stdout.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of errors.")
  boolean verbose;

  /** The command these options belong to, for the command line as given. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec command;

  /** The command line as given: command path, options and parameters (empty outside picocli). */
  java.util.List<String> givenArgs() {
    if (command == null
        || command.root().commandLine() == null
        || command.root().commandLine().getParseResult() == null) {
      return java.util.List.of();
    }
    return command.root().commandLine().getParseResult().originalArgs();
  }
}
