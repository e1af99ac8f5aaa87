package org.egovsuite.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovsuite.cli.EgovVersion;
import org.egovsuite.publish.Catalog;
import org.egovsuite.publish.ConfigHash;
import org.egovsuite.publish.CrashPoint;
import org.egovsuite.publish.DuckDbViews;
import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.SpreadsheetExports;

/**
 * Publishes the tables of the last indicators run as new versions ({@link TablePublisher}):
 * every table is written aside and validated first — one refusal and nothing is switched — then
 * each table's readers are switched to its new version in one step. Then the catalog and the
 * DuckDB views follow the pointers, versions beyond {@link #KEEP_VERSIONS} are pruned, the
 * summary tables are exported for spreadsheets and the run manifest is written. A crash at any
 * point leaves every table on a complete version: the old one or the new one.
 */
public final class PublishStage {
  public static final String NAME = "publish";
  /** The current version and the two before it stay available for rollback. */
  public static final int KEEP_VERSIONS = 3;

  private PublishStage() {}

  public static PublishReport execute(JobContext ctx) {
    IndicatorsReport indicators = StageState.require(ctx.warehouse(), IndicatorStage.NAME, IndicatorsReport.class,
        "so there are tables to publish");
    IngestReport ingest = StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class, "");
    QualityReport quality = StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, "");
    if (!quality.runId().equals(indicators.qualityRunId())) {
      throw new MissingStageOutputException("the indicator tables of run " + indicators.runId() + " were computed after"
          + " quality run " + indicators.qualityRunId() + ", but the latest quality run is " + quality.runId()
          + "; run 'bin/egov indicators' first");
    }
    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, indicators.tables().size() + " table(s) of run " + indicators.runId());
    TablePublisher.Runs runs = new TablePublisher.Runs(ctx.runId(), Instant.now().toString(), EgovVersion.get(),
        ConfigHash.of(ctx.config().home(), List.of(Path.of(ctx.config().file()).getParent(), ctx.config().rulesDir())),
        ingest, quality, indicators);
    // Copying and checking a version is mostly file-system latency (high on HDFS): a few tables
    // at a time. One failure and nothing is switched.
    List<TablePublisher.Staged> staged = PerDataset.run(indicators.tables(), t -> TablePublisher.stage(ctx, t, runs));
    List<TableOutput> published = new ArrayList<>();
    for (TablePublisher.Staged s : staged) {
      s.versions().switchTo(s.version());
      CrashPoint.at("switched", s.table().name());
      published.add(new TableOutput(s.table().name(), s.versions().path(s.version()), s.table().rows(),
          s.table().columns()));
    }
    ctx.listener().finished(NAME, published.size() + " table(s) switched to their new versions", 0);
    if (!published.isEmpty()) {
      followPointers(ctx);
    }
    List<String> pruned = new ArrayList<>();
    staged.forEach(s -> s.versions().prune(KEEP_VERSIONS).forEach(v -> pruned.add(s.table().name() + "/" + v)));
    List<String> exports = SpreadsheetExports.write(ctx.spark(), ctx.warehouse(),
        published.stream().map(TableOutput::name).toList(), published.stream().map(TableOutput::path).toList());
    ctx.listener().finished(NAME, exports.size() + " export file(s) of the summary tables (CSV with BOM, "
        + SpreadsheetExports.WORKBOOK + ") under " + ctx.warehouse().root() + "/" + SpreadsheetExports.FOLDER + "; "
        + pruned.size() + " old version(s) pruned", 0);
    ctx.warehouse().delete(ctx.warehouse().root() + "/work/" + indicators.runId());
    String manifest = ctx.warehouse().run(ctx.runId()) + "/manifest.json";
    JsonFiles.write(ctx.warehouse(), manifest, new RunManifest(ctx.runId(), runs.publishedAt(), runs.codeVersion(),
        ctx.config().file(), runs.configSha256(), ctx.warehouse().root(), ingest, quality, indicators.runId(),
        published));
    PublishReport report = new PublishReport(ctx.runId(), manifest, published);
    StageState.save(ctx.warehouse(), NAME, report);
    ctx.listener().finished(NAME, published.size() + " table(s) published, manifest " + manifest,
        System.currentTimeMillis() - start);
    return report;
  }

  /** The catalog and the DuckDB views follow the tables' version pointers. */
  public static void followPointers(JobContext ctx) {
    Catalog.Synced synced = Catalog.sync(ctx.spark(), ctx.warehouse(), t -> TableSources.title(ctx.config(), t));
    String views = DuckDbViews.write(ctx.warehouse());
    ctx.listener().finished(NAME, "catalog " + Catalog.DATABASE + ": " + synced.updated().size() + " table(s) registered"
        + " or moved, " + synced.unchanged().size() + " unchanged, " + synced.dropped().size() + " dropped; DuckDB views "
        + views, 0);
  }
}
