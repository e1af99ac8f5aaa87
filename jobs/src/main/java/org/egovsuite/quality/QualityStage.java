package org.egovsuite.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.ingest.StandardizedData;
import org.egovsuite.quality.history.MetricsHistory;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.quality.kinds.RuleInputs;
import org.egovsuite.spark.ParquetFolders;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.PerDataset;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.stage.StageState;

/**
 * Runs every dataset's rule file on its standardised data, records the results, sets aside the rows
 * quarantine rules fail, appends the metrics history, and leaves the gate to {@link #enforceGate}.
 */
public final class QualityStage {
  public static final String NAME = "quality";

  private static final StructType RESULT_SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("dataset", DataTypes.StringType, false)
          .add("rule_id", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("severity", DataTypes.StringType, false)
          .add("action", DataTypes.StringType, false)
          .add("constraint", DataTypes.StringType, false)
          .add("metric", DataTypes.StringType, true)
          .add("value", DataTypes.DoubleType, true)
          .add("threshold", DataTypes.StringType, true)
          .add("passed", DataTypes.BooleanType, false)
          .add("message", DataTypes.StringType, true);

  private QualityStage() {}

  public static QualityReport execute(JobContext ctx, GeneratedRules generated) {
    IngestReport ingest =
        StageState.require(
            ctx.warehouse(),
            IngestStage.NAME,
            IngestReport.class,
            "so there is standardised data to check");
    Instant runTime = Instant.now();
    LocalDate runDate = LocalDate.ofInstant(runTime, ZoneOffset.UTC);
    MetricsHistoryTable history =
        new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory());
    Map<String, Long> rows =
        ingest.datasets().stream()
            .collect(
                Collectors.toMap(
                    IngestReport.DatasetIngest::dataset,
                    IngestReport.DatasetIngest::rowsOut,
                    Long::sum));
    List<QualityReport.DatasetQuality> out =
        PerDataset.run(
            ctx.config().datasets(),
            d -> rows.getOrDefault(d.name(), 0L),
            d -> check(ctx, d, runTime, history, generated));
    QualityReport checked =
        new QualityReport(ctx.runId(), runDate.toString(), ingest.runId(), out, null);
    String html = QualityReportWriter.write(ctx, checked, ingest);
    QualityReport report =
        new QualityReport(ctx.runId(), runDate.toString(), ingest.runId(), out, html);
    StageState.save(ctx.warehouse(), NAME, report);
    ctx.warehouse().delete(ctx.warehouse().retiredCheckedRows());
    return report;
  }

  /**
   * Stops the pipeline when a rule with action fail (severity error) failed. Separate from {@link
   * #execute} so the caller can report the results and publish what the failure does not touch
   * first.
   */
  public static void enforceGate(QualityReport report) {
    // One entry per failed rule, with its worst constraint: a rule over 17 columns is one entry.
    Map<String, RuleResult> worst = new LinkedHashMap<>();
    report.datasets().stream()
        .flatMap(d -> d.results().stream())
        .filter(RuleResult::blocks)
        .forEach(
            r ->
                worst.merge(
                    r.dataset() + "/" + r.ruleId(),
                    r,
                    (a, b) ->
                        b.value() != null && (a.value() == null || b.value() < a.value()) ? b : a));
    if (!worst.isEmpty()) {
      throw new QualityGateException(
          "quality gate failed: "
              + worst.size()
              + " error rule(s): "
              + String.join("; ", worst.values().stream().map(QualityStage::describe).toList())
              + "; all results in <warehouse>/quality/results");
    }
  }

  /** Loads and runs one dataset's rules without writing anything. */
  private static QualityRun run(
      JobContext ctx,
      DatasetDefinition dataset,
      Dataset<Row> data,
      LocalDate runDate,
      MetricsHistory history,
      GeneratedRules generated,
      Consumer<Dataset<Row>> quarantineWriter) {
    RuleFile rules =
        generated.extend(
            RuleFileLoader.load(
                ctx.config().rulesFile(dataset.name()),
                dataset.name(),
                Set.of(data.columns()),
                RuleFiles.columnsOf(ctx.config())));
    return new QualityCheckJob()
        .data(data)
        .rules(rules)
        .history(history)
        .samples(QualityReportWriter.SAMPLES, dataset.keys())
        .inputs(new RuleInputs(runDate, name -> StandardizedData.read(ctx, name)))
        .quarantine(quarantineWriter)
        .execute();
  }

  private static QualityReport.DatasetQuality check(
      JobContext ctx,
      DatasetDefinition dataset,
      Instant runTime,
      MetricsHistoryTable history,
      GeneratedRules generated) {
    LocalDate runDate = LocalDate.ofInstant(runTime, ZoneOffset.UTC);
    long start = System.currentTimeMillis();
    ctx.listener()
        .started(NAME, dataset.name() + " against " + ctx.config().rulesFile(dataset.name()));
    // With their stored positions, which the quarantine keeps: AdmittedData subtracts those.
    Dataset<Row> data = StandardizedData.readWithPositions(ctx, dataset.name());
    String quarantine = ctx.warehouse().qualityQuarantine(dataset.name());
    AtomicLong rowsQuarantined = new AtomicLong();
    QualityRun run =
        run(
            ctx,
            dataset,
            data,
            runDate,
            history.history(dataset.name()),
            generated,
            marked -> rowsQuarantined.set(writeQuarantine(ctx, dataset, marked, quarantine)));
    QualityOutcome outcome = run.outcome();
    writeResults(ctx, outcome);
    if (run.marked().isEmpty()) {
      ctx.warehouse().delete(quarantine);
    }
    long rowsIn = run.rows();
    long quarantined = rowsQuarantined.get();
    // After the dataset's drift rules have read the history, so a run is never its own baseline,
    // and after the stage's own checks, so a run they reject never becomes one.
    history.append(ctx.runId(), runTime, outcome);
    long rules = outcome.results().stream().map(RuleResult::ruleId).distinct().count();
    long failedRules =
        outcome.results().stream()
            .filter(r -> !r.passed())
            .map(RuleResult::ruleId)
            .distinct()
            .count();
    ctx.listener()
        .finished(
            NAME,
            String.format(
                "%s: %d rules, %d failed, %,d rows quarantined, verdict %s " + "(%d Spark jobs)",
                dataset.name(),
                rules,
                failedRules,
                quarantined,
                outcome.verdict(),
                run.verificationJobs()),
            System.currentTimeMillis() - start);
    return new QualityReport.DatasetQuality(
        dataset.name(),
        outcome.rulesFile(),
        outcome.verdict(),
        run.verificationJobs(),
        rowsIn,
        rowsIn - quarantined,
        quarantined,
        run.marked().isPresent() ? quarantine : null,
        outcome.results(),
        run.rules(),
        run.samples());
  }

  /**
   * Writes only the failing rows: the admitted ones stay where ingest stored them (a copy of every
   * row cost more than the whole check at 100M rows; BENCHMARKS.md). Rows in = admitted +
   * quarantined holds only if no row was set aside twice (a rule kind's preparation that joined
   * rows would repeat them): checked on the written rows, one job.
   *
   * @return the rows quarantined
   */
  private static long writeQuarantine(
      JobContext ctx, DatasetDefinition dataset, Dataset<Row> marked, String quarantine) {
    ctx.warehouse().delete(quarantine);
    RowLevelMarks.quarantined(marked).write().mode(SaveMode.Overwrite).parquet(quarantine);
    Row counts =
        ParquetFolders.read(ctx.spark(), quarantine)
            .agg(
                count(lit(1)),
                countDistinct(col(RowColumns.STORED_FILE), col(RowColumns.STORED_ROW)))
            .first();
    if (counts.getLong(1) != counts.getLong(0)) {
      throw new IllegalStateException(
          dataset.name()
              + ": "
              + counts.getLong(0)
              + " rows quarantined but only "
              + counts.getLong(1)
              + " distinct stored rows among them; rows would be counted twice");
    }
    return counts.getLong(0);
  }

  private static void writeResults(JobContext ctx, QualityOutcome outcome) {
    List<Row> rows =
        outcome.results().stream()
            .map(
                r ->
                    RowFactory.create(
                        ctx.runId(),
                        r.dataset(),
                        r.ruleId(),
                        r.kind(),
                        r.severity().name().toLowerCase(java.util.Locale.ROOT),
                        r.action().yamlName(),
                        r.constraint(),
                        r.metric(),
                        r.value(),
                        r.threshold(),
                        r.passed(),
                        r.message()))
            .collect(Collectors.toList());
    ctx.spark()
        .createDataFrame(rows, RESULT_SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(ctx.warehouse().qualityResults(outcome.dataset()));
  }

  public static String describe(RuleResult r) {
    return String.format(
        "%s.%s %s = %s",
        r.dataset(),
        r.ruleId(),
        r.metric(),
        r.value() == null ? "n/a (" + r.message() + ")" : String.format("%.6f", r.value()));
  }
}
