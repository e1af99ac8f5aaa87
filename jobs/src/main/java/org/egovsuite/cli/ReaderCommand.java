package org.egovsuite.cli;

import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.stage.JobContext;

/**
 * A command that reads the published tables with Iceberg's Java API (and DuckDB) alone — lineage,
 * profile, brief: no SparkSession, no run folder, no run lock, an answer in seconds.
 */
abstract class ReaderCommand extends StageCommand {
  ReaderCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  final boolean readOnly() {
    return true;
  }

  @Override
  boolean needsSpark() {
    return false;
  }

  @Override
  java.util.List<Runnable> warmUp() {
    return java.util.List.of(
        () -> {
          org.egovsuite.warehouse.TableCatalog.warmUp();
          org.egovsuite.publish.DuckDbQuery.warmUp();
        });
  }

  /** Stops with exit 6 when the warehouse has no published table yet. */
  static void requirePublished(JobContext ctx) {
    if (!ctx.warehouse().hasCatalog()) {
      throw new MissingStageOutputException(
          "nothing is published in " + ctx.warehouse().root() + " yet; run 'bin/egov run'");
    }
  }
}
