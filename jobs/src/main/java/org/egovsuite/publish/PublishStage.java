package org.egovsuite.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.indicators.IndicatorStage;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.quality.QualityStage;
import org.egovsuite.stage.EgovVersion;
import org.egovsuite.stage.IndicatorsReport;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.PerDataset;
import org.egovsuite.stage.PublishReport;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.RunManifest;
import org.egovsuite.stage.StageState;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.warehouse.ConfigHash;
import org.egovsuite.warehouse.CrashPoint;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.SyntheticLabel;

/**
 * Publishes the tables the last indicators run wrote to its branches: every branch is audited first
 * ({@link PublishAudit}; one failure and main moves for no table), then main of each table is
 * fast-forwarded to the run's snapshot and the run's branch dropped, one atomic catalog commit per
 * table. Then the column meanings of the data dictionary become the tables' column docs, the
 * summary tables are exported for spreadsheets from main, the run manifest is written and old
 * snapshots expire ({@link TableHistory}). A crash leaves main of every table on a complete
 * snapshot; the next publish finds the tables whose main has not moved yet and completes the run.
 */
public final class PublishStage {
  public static final String NAME = "publish";

  private PublishStage() {}

  public static PublishReport execute(JobContext ctx) {
    IndicatorsReport indicators =
        StageState.require(
            ctx.warehouse(),
            IndicatorStage.NAME,
            IndicatorsReport.class,
            "so there are tables to publish");
    IngestReport ingest =
        StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class, "");
    QualityReport quality =
        StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, "");
    if (!quality.runId().equals(indicators.qualityRunId())) {
      throw new MissingStageOutputException(
          "the indicator tables of run "
              + indicators.runId()
              + " were computed after"
              + " quality run "
              + indicators.qualityRunId()
              + ", but the latest quality run is "
              + quality.runId()
              + "; run 'bin/egov indicators' first");
    }
    long start = System.currentTimeMillis();
    ctx.listener()
        .started(NAME, indicators.tables().size() + " table(s) of run " + indicators.runId());
    List<TableOutput> pending = new ArrayList<>();
    for (TableOutput table : indicators.tables()) {
      Snapshot main = ctx.warehouse().catalog().load(table.name()).currentSnapshot();
      if (main == null || main.snapshotId() != table.snapshotId()) {
        pending.add(table);
      }
    }
    if (pending.isEmpty() && !indicators.tables().isEmpty() && published(ctx, indicators)) {
      throw new MissingStageOutputException(
          "the tables of run "
              + indicators.runId()
              + " are on main already "
              + "(already published?); run 'bin/egov indicators' first");
    }
    Map<String, List<String>> dictionary =
        PublishAudit.dictionary(
            ctx,
            indicators.tables().stream()
                .filter(t -> t.name().equals(DataDictionary.TABLE))
                .findFirst()
                .orElse(null));
    // An audit reads table metadata (and runs a table's rule file, if any): mostly file-system
    // latency, high on HDFS, so a few tables at a time.
    PerDataset.run(
        pending,
        t -> {
          PublishAudit.audit(ctx, t, quality, dictionary);
          return t;
        });
    ctx.listener()
        .finished(
            NAME,
            pending.size()
                + " table(s) audited on branch "
                + (pending.isEmpty() ? "-" : pending.get(0).branch()),
            0);
    CrashPoint.at("audited", "all");
    for (TableOutput table : pending) {
      fastForward(ctx, table);
      CrashPoint.at("published", table.name());
    }
    List<String> names = indicators.tables().stream().map(TableOutput::name).toList();
    ColumnDocs.apply(ctx.warehouse().catalog(), names);
    names.forEach(name -> SyntheticLabel.publish(name, ctx.warehouse().catalog().load(name)));
    List<String> exports = SpreadsheetExports.write(ctx.warehouse(), names, ctx.config().exports());
    int expired =
        PerDataset.run(names, name -> TableHistory.expire(ctx.warehouse().catalog().load(name)))
            .stream()
            .mapToInt(Integer::intValue)
            .sum();
    ctx.listener()
        .finished(
            NAME,
            exports.size()
                + " export file(s) of the summary tables (CSV with BOM, "
                + SpreadsheetExports.WORKBOOK
                + ") under "
                + ctx.warehouse().root()
                + "/"
                + SpreadsheetExports.FOLDER
                + "; "
                + expired
                + " old snapshot(s) expired (the last "
                + TableHistory.KEEP_SNAPSHOTS
                + " and every tagged one kept)",
            0);
    String manifest = ctx.warehouse().manifest(indicators.runId());
    JsonFiles.write(
        ctx.warehouse(),
        manifest,
        new RunManifest(
            RunManifest.FORMAT_VERSION,
            indicators.runId(),
            Instant.now().toString(),
            EgovVersion.get(),
            ctx.config().file(),
            ConfigHash.of(ctx.config()),
            ctx.warehouse().root(),
            ingest,
            quality,
            indicators.runId(),
            indicators.tables()));
    PublishReport report =
        new PublishReport(ctx.runId(), indicators.runId(), manifest, indicators.tables());
    StageState.save(ctx.warehouse(), NAME, report);
    ctx.listener()
        .finished(
            NAME,
            indicators.tables().size()
                + " table(s) on main"
                + (pending.size() < indicators.tables().size()
                    ? " ("
                        + (indicators.tables().size() - pending.size())
                        + " published by an earlier, interrupted publish)"
                    : "")
                + ", manifest "
                + manifest,
            System.currentTimeMillis() - start);
    return report;
  }

  /** Whether the last publish recorded this indicators run (all its tables are on main). */
  private static boolean published(JobContext ctx, IndicatorsReport indicators) {
    if (!ctx.warehouse().exists(ctx.warehouse().state(NAME))) {
      return false;
    }
    PublishReport last = StageState.require(ctx.warehouse(), NAME, PublishReport.class, "");
    return indicators.runId().equals(last.indicatorsRunId());
  }

  /**
   * Main moves to the run's snapshot and the run's branch goes, in one catalog commit. Main must
   * not have moved since the run branched off it (another run published, or a rollback).
   */
  private static void fastForward(JobContext ctx, TableOutput staged) {
    Table table = ctx.warehouse().catalog().load(staged.name());
    try {
      table
          .manageSnapshots()
          .fastForwardBranch(SnapshotRef.MAIN_BRANCH, staged.branch())
          .removeBranch(staged.branch())
          .commit();
    } catch (IllegalArgumentException e) {
      throw new MissingStageOutputException(
          "table "
              + staged.name()
              + ": main changed after run "
              + staged.branch()
              + " branched off it (another run published, or a rollback): "
              + e.getMessage()
              + "; run 'bin/egov indicators' again, then publish");
    }
  }
}
