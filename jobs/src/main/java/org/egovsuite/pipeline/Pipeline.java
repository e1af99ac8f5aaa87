package org.egovsuite.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.IndicatorStage;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.publish.PublishStage;
import org.egovsuite.publish.brief.BriefWriter;
import org.egovsuite.quality.GeneratedRules;
import org.egovsuite.quality.QualityGateException;
import org.egovsuite.quality.QualityStage;
import org.egovsuite.spark.SizedStage;
import org.egovsuite.stage.BriefReport;
import org.egovsuite.stage.IndicatorsReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.StageReport;
import org.egovsuite.stage.StageState;
import org.egovsuite.warehouse.LocalWarehouseCheck;
import org.egovsuite.warehouse.Warehouse;

/**
 * The run's stages in their order, and the one gate policy for {@code run} and for each stage
 * command alike: every stage does all it can — a dataset failing an error-severity rule withholds
 * only the tables built from it, the others are computed and published — and every stage from
 * quality on then ends with the gate: exit 4 ({@link QualityGateException}) when the run's quality
 * check found a blocking failure or a table was withheld. So {@code bin/egov run} and {@code
 * ingest; quality; indicators; publish} publish the same tables and end with the same exit code and
 * message. Publishing ends with the brief of what is now on main.
 */
public final class Pipeline {
  private Pipeline() {}

  public static void run(JobContext ctx, Consumer<StageReport> report) {
    ingest(ctx, report);
    QualityReport quality =
        onStandardised(ctx, () -> QualityStage.execute(ctx, generatedRules(ctx.config())));
    report.accept(quality);
    report.accept(onStandardised(ctx, () -> IndicatorStage.execute(ctx)));
    report.accept(PublishStage.execute(ctx));
    brief(ctx).ifPresent(report);
    gate(ctx, quality);
  }

  public static void ingest(JobContext ctx, Consumer<StageReport> report) {
    long bytes = inputBytes(ctx.config(), ctx.warehouse());
    report.accept(
        SizedStage.run(bytes, "input files", ctx.spark(), () -> IngestStage.execute(ctx)));
  }

  /**
   * The bytes the first stage of a command reads: the input files for run and ingest, the
   * standardised data for the stages after it.
   */
  public static long bytesReadFirst(String command, PipelineConfig config, Warehouse warehouse) {
    return command.equals("run") || command.equals("ingest")
        ? inputBytes(config, warehouse)
        : standardisedBytes(config, warehouse);
  }

  private static long inputBytes(PipelineConfig config, Warehouse warehouse) {
    return SizedStage.bytesUnder(
        config.datasets().stream()
            .flatMap(d -> d.partDefinitions().stream())
            .map(DatasetDefinition::location)
            .toList(),
        warehouse.hadoop());
  }

  private static long standardisedBytes(PipelineConfig config, Warehouse warehouse) {
    return SizedStage.bytesUnder(
        config.datasets().stream().map(d -> warehouse.ingested(d.name())).toList(),
        warehouse.hadoop());
  }

  public static void quality(JobContext ctx, Consumer<StageReport> report) {
    QualityReport quality =
        onStandardised(ctx, () -> QualityStage.execute(ctx, generatedRules(ctx.config())));
    report.accept(quality);
    gate(ctx, quality);
  }

  public static void indicators(JobContext ctx, Consumer<StageReport> report) {
    report.accept(onStandardised(ctx, () -> IndicatorStage.execute(ctx)));
    gate(ctx, StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, ""));
  }

  public static void publish(JobContext ctx, Consumer<StageReport> report) {
    report.accept(PublishStage.execute(ctx));
    brief(ctx).ifPresent(report);
    gate(ctx, StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, ""));
  }

  /** Quality and indicators read the standardised data: their settings are sized by it. */
  private static <T> T onStandardised(JobContext ctx, Supplier<T> stage) {
    long bytes = standardisedBytes(ctx.config(), ctx.warehouse());
    return SizedStage.run(bytes, "standardised data", ctx.spark(), stage);
  }

  /** The rules the indicator definitions ask the quality stage to add to a dataset's rule file. */
  public static GeneratedRules generatedRules(PipelineConfig config) {
    return dataset -> IndicatorKinds.generatedRules(config, dataset);
  }

  /**
   * Exit 4 when the quality run has a blocking failure (the failed rules named with their metric),
   * or, with none, when the indicators of that quality run withheld a table.
   */
  private static void gate(JobContext ctx, QualityReport quality) {
    QualityStage.enforceGate(quality);
    StageState.read(ctx.warehouse(), IndicatorStage.NAME, IndicatorsReport.class)
        .filter(
            indicators ->
                indicators.qualityRunId().equals(quality.runId())
                    && !indicators.withheld().isEmpty())
        .ifPresent(
            indicators -> {
              throw new QualityGateException(
                  "tables withheld by the quality gate: "
                      + String.join("; ", indicators.withheld()));
            });
  }

  /**
   * The brief of main; read with DuckDB, so only where the warehouse is on this machine and DuckDB
   * is on the class path (a job submitted with the cluster jar has none).
   */
  private static Optional<BriefReport> brief(JobContext ctx) {
    List<String> languages = ctx.config().exports().briefLanguages();
    if (languages.isEmpty()) {
      return Optional.empty();
    }
    if (!org.egovsuite.publish.DuckDbQuery.available()) {
      ctx.listener()
          .warning(
              "brief",
              "not written: this jar has no DuckDB (the cluster jar leaves it out); run "
                  + "bin/egov brief --warehouse "
                  + ctx.warehouse().root()
                  + " where the warehouse can be read");
      return Optional.empty();
    }
    if (!LocalWarehouseCheck.isLocal(ctx.warehouse().root())) {
      ctx.listener()
          .warning(
              "brief",
              "not written: the brief reads the tables with DuckDB on this machine and "
                  + ctx.warehouse().root()
                  + " is not here; run bin/egov brief --warehouse <a local copy>");
      return Optional.empty();
    }
    long start = System.currentTimeMillis();
    ctx.listener().started("brief", String.join(", ", languages));
    BriefWriter.Written written =
        BriefWriter.write(
            ctx.config(),
            ctx.warehouse().catalog(),
            null,
            languages,
            LocalWarehouseCheck.localPath(ctx.warehouse().root()).resolve(BriefWriter.FOLDER));
    written.warnings().forEach(w -> ctx.listener().warning("brief", w));
    ctx.listener()
        .finished("brief", String.join(", ", written.files()), System.currentTimeMillis() - start);
    return Optional.of(new BriefReport(ctx.runId(), written.files(), written.warnings()));
  }
}
