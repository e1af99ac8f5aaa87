package org.egovsuite.cli;

import java.util.List;
import java.util.Optional;
import org.egovsuite.pipeline.IndicatorStage;
import org.egovsuite.pipeline.JobContext;
import org.egovsuite.pipeline.IngestStage;
import org.egovsuite.pipeline.PublishStage;
import org.egovsuite.pipeline.QualityReport;
import org.egovsuite.pipeline.QualityStage;
import org.egovsuite.publish.LocalWarehouseCheck;
import org.egovsuite.publish.brief.BriefWriter;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"The whole pipeline: ingest, quality, indicators, publish, brief.",
        "A dataset failing an error-severity rule withholds the tables built from it; the others are "
        + "published, and the run exits 4. The brief of the published tables (bin/egov brief) is written "
        + "last, in the languages of the pipeline file's exports: brief: (default zh, en)."})
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
      brief(ctx).ifPresent(report);
      QualityStage.enforceGate(quality);
    };
  }

  /** The brief of what is now on main; read with DuckDB, so only where the warehouse is on this machine. */
  private static Optional<BriefWriter.Written> brief(JobContext ctx) {
    List<String> languages = ctx.config().exports().briefLanguages();
    if (languages.isEmpty()) {
      return Optional.empty();
    }
    if (!LocalWarehouseCheck.isLocal(ctx.warehouse().root())) {
      ctx.listener().warning("brief", "not written: the brief reads the tables with DuckDB on this machine and "
          + ctx.warehouse().root() + " is not here; run bin/egov brief --warehouse <a local copy>");
      return Optional.empty();
    }
    long start = System.currentTimeMillis();
    ctx.listener().started("brief", String.join(", ", languages));
    BriefWriter.Written written = BriefWriter.write(ctx.config(), ctx.warehouse().catalog(), null, languages,
        LocalWarehouseCheck.localPath(ctx.warehouse().root()).resolve(BriefWriter.FOLDER));
    written.warnings().forEach(w -> ctx.listener().warning("brief", w));
    ctx.listener().finished("brief", String.join(", ", written.files()), System.currentTimeMillis() - start);
    return Optional.of(written);
  }
}
