package org.egovsuite.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovsuite.cli.EgovVersion;
import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.SpreadsheetExports;

/**
 * Moves the computed indicator tables into {@code tables/}, exports the summary tables for
 * spreadsheets ({@link SpreadsheetExports}) and writes the run manifest. Each table is switched
 * with one rename; the previous version is replaced.
 */
public final class PublishStage {
  public static final String NAME = "publish";

  private PublishStage() {}

  public static PublishReport execute(JobContext ctx) {
    IndicatorsReport indicators = StageState.require(ctx.warehouse(), IndicatorStage.NAME, IndicatorsReport.class,
        "so there are tables to publish");
    IngestReport ingest = StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class, "");
    QualityReport quality = StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, "");
    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, indicators.tables().size() + " table(s) of run " + indicators.runId());
    List<TableOutput> published = new ArrayList<>();
    try {
      for (TableOutput table : indicators.tables()) {
        if (!ctx.warehouse().exists(table.path())) {
          throw new MissingStageOutputException("table " + table.name() + " of run " + indicators.runId()
              + " is not in " + table.path() + " (already published?); run 'bin/egov indicators' first");
        }
        String target = ctx.warehouse().table(table.name());
        ctx.warehouse().replace(table.path(), target);
        published.add(new TableOutput(table.name(), target, table.rows(), table.columns()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> exports = SpreadsheetExports.write(ctx.spark(), ctx.warehouse(),
        published.stream().map(TableOutput::name).toList(), published.stream().map(TableOutput::path).toList());
    ctx.listener().finished(NAME, exports.size() + " summary table(s) exported as CSV (UTF-8 with BOM) under "
        + ctx.warehouse().root() + "/" + SpreadsheetExports.FOLDER, 0);
    String manifest = ctx.warehouse().run(ctx.runId()) + "/manifest.json";
    JsonFiles.write(ctx.warehouse(), manifest, new RunManifest(ctx.runId(), Instant.now().toString(),
        EgovVersion.get(), ctx.config().file(), ctx.warehouse().root(), ingest, quality, indicators.runId(), published));
    PublishReport report = new PublishReport(ctx.runId(), manifest, published);
    StageState.save(ctx.warehouse(), NAME, report);
    ctx.listener().finished(NAME, published.size() + " table(s) published, manifest " + manifest,
        System.currentTimeMillis() - start);
    return report;
  }
}
