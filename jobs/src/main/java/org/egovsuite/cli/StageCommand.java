package org.egovsuite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that runs pipeline stages through the {@link CommandRunner}. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  private final CommandRunner runner;

  StageCommand(CommandRunner runner) {
    this.runner = runner;
  }

  abstract String name();

  abstract CommandRunner.Body body();

  /** Checks of the command's own arguments, run after the config loads and before Spark starts. */
  java.util.function.Consumer<org.egovsuite.config.PipelineConfig> preflight() {
    return config -> {};
  }

  /**
   * A command that only reads the warehouse (sql, lineage, quality history, quality check): it
   * leaves no run folder behind, its log goes to the temp folder.
   */
  boolean readOnly() {
    return false;
  }

  /**
   * A command that works with Iceberg's Java API alone (lineage, rollback, tags, sql on DuckDB).
   */
  boolean needsSpark() {
    return true;
  }

  /**
   * Work that makes the command answer sooner (class and native library loading), each run on a
   * background thread from the start, while the configuration loads.
   */
  java.util.List<Runnable> warmUp() {
    return java.util.List.of();
  }

  @Override
  public Integer call() {
    for (Runnable warm : warmUp()) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  warm.run();
                } catch (RuntimeException | LinkageError e) {
                  // only a head start: the command itself reports any real failure
                }
              },
              "egov-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
    return runner.run(options, name(), preflight(), body(), readOnly(), needsSpark());
  }
}
