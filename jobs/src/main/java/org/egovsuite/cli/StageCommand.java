package org.egovsuite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that runs pipeline stages through the {@link CommandRunner}. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  private final CommandRunner runner;

  StageCommand(CommandRunner runner) {
    this.runner = runner;
  }

  abstract String name();

  abstract CommandRunner.Body body();

  /** Checks of the command's own arguments, run after the config loads and before Spark starts. */
  java.util.function.Consumer<org.egovsuite.config.PipelineConfig> preflight() {
    return config -> { };
  }

  /**
   * A command that only reads the warehouse (sql, lineage, quality history, quality check): it
   * leaves no run folder behind, its log goes to the temp folder.
   */
  boolean readOnly() {
    return false;
  }

  @Override
  public Integer call() {
    return runner.run(options, name(), preflight(), body(), readOnly());
  }
}
