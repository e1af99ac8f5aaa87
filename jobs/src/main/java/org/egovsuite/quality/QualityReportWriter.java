package org.egovsuite.quality;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.ingest.IngestColumns;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.quality.report.HtmlQualityReport;
import org.egovsuite.quality.report.QualityRunReport;
import org.egovsuite.spark.ParquetFolders;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.warehouse.JsonFiles;

/**
 * Writes {@code runs/<run>/quality-report.html} and {@code .json}: every dataset's rules with their
 * metric trends from the history, and the quarantine counts with sample rows.
 */
public final class QualityReportWriter {
  public static final int SAMPLES = 5;
  public static final int TREND_RUNS = 20;

  private QualityReportWriter() {}

  /** Returns the HTML report's path. */
  public static String write(JobContext ctx, QualityReport quality, IngestReport ingest) {
    Map<String, Map<String, List<Double>>> trends =
        trends(
            new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory())
                .recentValues(TREND_RUNS));
    List<QualityRunReport.DatasetSection> sections = new ArrayList<>();
    for (QualityReport.DatasetQuality d : quality.datasets()) {
      IngestReport.DatasetIngest read =
          ingest.datasets().stream()
              .filter(i -> i.dataset().equals(d.dataset()))
              .findFirst()
              .orElse(null);
      long unreadable = read == null ? 0 : read.rowsQuarantined();
      sections.add(
          new QualityRunReport.DatasetSection(
              d.dataset(),
              d.rulesFile(),
              d.verdict().name(),
              d.verificationJobs(),
              unreadable,
              unreadable == 0 ? List.of() : ingestSamples(ctx, read.quarantine()),
              d.rowsIn(),
              d.rowsPassed(),
              d.rowsQuarantined(),
              d.rowsQuarantined() == 0 ? List.of() : qualitySamples(ctx, d.dataset()),
              lines(d, trends.getOrDefault(d.dataset(), Map.of())),
              read == null || read.newFiles() == null ? List.of() : read.newFiles()));
    }
    QualityRunReport report =
        new QualityRunReport(
            quality.runId(), Instant.now().toString(), quality.runDate(), sections);
    String folder = ctx.warehouse().run(ctx.runId());
    JsonFiles.write(ctx.warehouse(), folder + "/quality-report.json", report);
    String html = folder + "/quality-report.html";
    try (OutputStream out = ctx.warehouse().create(html)) {
      out.write(HtmlQualityReport.render(report).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return html;
  }

  /** One line per rule, in rule-file order, its worst constraint standing for it. */
  private static List<QualityRunReport.RuleLine> lines(
      QualityReport.DatasetQuality d, Map<String, List<Double>> trends) {
    Map<String, List<RuleResult>> byRule = new LinkedHashMap<>();
    d.rules().forEach(r -> byRule.put(r.id(), new ArrayList<>()));
    d.results().forEach(r -> byRule.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r));
    Map<String, RuleOutline> outlines = new LinkedHashMap<>();
    d.rules().forEach(r -> outlines.put(r.id(), r));
    List<QualityRunReport.RuleLine> out = new ArrayList<>();
    for (Map.Entry<String, List<RuleResult>> e : byRule.entrySet()) {
      List<RuleResult> results = e.getValue();
      if (results.isEmpty()) {
        continue;
      }
      RuleResult worst = worst(results);
      RuleOutline outline =
          outlines.getOrDefault(
              e.getKey(), new RuleOutline(e.getKey(), worst.kind(), "", "", List.of(), null, null));
      out.add(
          new QualityRunReport.RuleLine(
              outline,
              worst.severity().name().toLowerCase(Locale.ROOT),
              worst.action().yamlName(),
              results.stream().allMatch(RuleResult::passed),
              worst.metric(),
              worst.value(),
              worst.threshold(),
              results.stream()
                  .filter(r -> !r.passed())
                  .map(RuleResult::message)
                  .distinct()
                  .toList(),
              trends.getOrDefault(worst.ruleId() + "\u0000" + worst.constraint(), List.of()),
              d.samples() == null ? List.of() : d.samples().getOrDefault(e.getKey(), List.of()),
              results));
    }
    return out;
  }

  /** A failing constraint before a passing one, then the lowest value (shares: lower is worse). */
  private static RuleResult worst(List<RuleResult> results) {
    return results.stream()
        .min(
            Comparator.comparing(RuleResult::passed)
                .thenComparing(r -> r.value() == null ? Double.NEGATIVE_INFINITY : r.value()))
        .orElseThrow();
  }

  /**
   * Per dataset, the last {@link #TREND_RUNS} values of each rule constraint, this run's included,
   * read in one job.
   */
  private static Map<String, Map<String, List<Double>>> trends(Dataset<Row> history) {
    Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
    for (Row r : history.select("dataset", "rule_id", "constraint", "value").collectAsList()) {
      List<Double> values =
          out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
              .computeIfAbsent(r.getString(1) + "\u0000" + r.getString(2), k -> new ArrayList<>());
      values.add(r.getDouble(3));
    }
    return out;
  }

  private static List<QualityRunReport.QuarantinedRow> ingestSamples(JobContext ctx, String path) {
    return ParquetFolders.read(ctx.spark(), path).limit(SAMPLES).collectAsList().stream()
        .map(
            r ->
                new QualityRunReport.QuarantinedRow(
                    r.getAs(RowColumns.QUARANTINE_REASON),
                    r.getAs(RowColumns.SOURCE_FILE)
                        + ":"
                        + r.getAs(RowColumns.SOURCE_LINE)
                        + "  "
                        + r.getAs(IngestColumns.RAW_RECORD)))
        .toList();
  }

  private static List<QualityRunReport.QuarantinedRow> qualitySamples(
      JobContext ctx, String dataset) {
    Dataset<Row> rows =
        ParquetFolders.read(ctx.spark(), ctx.warehouse().qualityQuarantine(dataset));
    List<String> shown =
        java.util.Arrays.stream(rows.columns())
            .filter(
                c ->
                    !c.equals(RowLevelMarks.FAILED_RULES)
                        && !c.equals(RowLevelMarks.REASONS)
                        && !c.equals(RowColumns.SOURCE_SHA256)
                        && !c.equals(RowColumns.SOURCE_LINES)
                        && !c.equals(RowColumns.RUN_ID)
                        && !c.equals(RowColumns.INGESTED_AT)
                        && !c.equals(RowColumns.QUARANTINE_REASON)
                        && !c.equals(RowColumns.STORED_FILE)
                        && !c.equals(RowColumns.STORED_ROW))
            .toList();
    return rows.limit(SAMPLES).collectAsList().stream()
        .map(
            r ->
                new QualityRunReport.QuarantinedRow(
                    String.join("; ", r.<String>getList(r.fieldIndex(RowLevelMarks.REASONS))),
                    shown.stream()
                        .filter(c -> r.getAs(c) != null)
                        .map(c -> c + "=" + FailingSamples.shown(r.getAs(c)))
                        .collect(Collectors.joining(", "))))
        .toList();
  }
}
