package org.egovsuite.pipeline;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.quality.QualityCheckJob;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.quality.Severity;

/**
 * Runs every dataset's rule file on its standardised data, records the results, and stops the
 * pipeline with {@link QualityGateException} when an error-severity rule fails.
 */
public final class QualityStage {
  public static final String NAME = "quality";

  private static final StructType RESULT_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("rule_id", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("severity", DataTypes.StringType, false)
      .add("constraint", DataTypes.StringType, false)
      .add("metric", DataTypes.StringType, true)
      .add("value", DataTypes.DoubleType, true)
      .add("passed", DataTypes.BooleanType, false)
      .add("message", DataTypes.StringType, true);

  private QualityStage() {}

  public static QualityReport execute(JobContext ctx) {
    IngestReport ingest = StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class,
        "so there is standardised data to check");
    List<QualityReport.DatasetQuality> out = PerDataset.run(ctx.config().datasets(), d -> check(ctx, d));
    QualityReport report = new QualityReport(ctx.runId(), ingest.runId(), out);
    StageState.save(ctx.warehouse(), NAME, report);
    return report;
  }

  /**
   * Stops the pipeline when an error-severity rule failed. Separate from {@link #execute} so the
   * caller can report the results first.
   */
  public static void enforceGate(QualityReport report) {
    // One entry per failed rule, with its worst constraint: a rule over 17 columns is one entry.
    java.util.Map<String, RuleResult> worst = new java.util.LinkedHashMap<>();
    report.datasets().stream().flatMap(d -> d.results().stream())
        .filter(r -> !r.passed() && r.severity() == Severity.ERROR)
        .forEach(r -> worst.merge(r.dataset() + "/" + r.ruleId(), r,
            (a, b) -> b.value() != null && (a.value() == null || b.value() < a.value()) ? b : a));
    if (!worst.isEmpty()) {
      throw new QualityGateException("quality gate failed: " + worst.size() + " error rule(s): "
          + String.join("; ", worst.values().stream().map(QualityStage::describe).toList())
          + "; all results in <warehouse>/quality/results");
    }
  }

  /** Loads and runs one dataset's rules; public for the steward's dry run. */
  public static QualityOutcome run(JobContext ctx, DatasetDefinition dataset, Dataset<Row> data) {
    Set<String> columns = Set.of(data.columns());
    RuleFile rules = RuleFileLoader.load(ctx.config().rulesFile(dataset.name()), dataset.name(), columns);
    ctx.spark().sparkContext().setJobGroup("quality:" + dataset.name(), "quality " + dataset.name(), false);
    try {
      return new QualityCheckJob().data(data).rules(rules).execute();
    } finally {
      ctx.spark().sparkContext().clearJobGroup();
    }
  }

  private static QualityReport.DatasetQuality check(JobContext ctx, DatasetDefinition dataset) {
    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, dataset.name() + " against " + ctx.config().rulesFile(dataset.name()));
    Dataset<Row> data = StandardizedData.read(ctx, dataset.name());
    QualityOutcome outcome = run(ctx, dataset, data);
    writeResults(ctx, outcome);
    long rules = outcome.results().stream().map(RuleResult::ruleId).distinct().count();
    long failedRules = outcome.results().stream().filter(r -> !r.passed()).map(RuleResult::ruleId).distinct().count();
    ctx.listener().finished(NAME, String.format("%s: %d rules, %d failed, verdict %s",
        dataset.name(), rules, failedRules, outcome.verdict()), System.currentTimeMillis() - start);
    return new QualityReport.DatasetQuality(dataset.name(), outcome.rulesFile(), outcome.verdict(), outcome.results());
  }

  private static void writeResults(JobContext ctx, QualityOutcome outcome) {
    List<Row> rows = outcome.results().stream().map(r -> RowFactory.create(ctx.runId(), r.dataset(), r.ruleId(),
        r.kind(), r.severity().name().toLowerCase(), r.constraint(), r.metric(), r.value(), r.passed(), r.message()))
        .collect(Collectors.toList());
    ctx.spark().createDataFrame(rows, RESULT_SCHEMA).coalesce(1)
        .write().mode(SaveMode.Overwrite).parquet(ctx.warehouse().qualityResults(outcome.dataset()));
  }

  static String describe(RuleResult r) {
    return String.format("%s.%s %s = %s", r.dataset(), r.ruleId(), r.metric(),
        r.value() == null ? "n/a (" + r.message() + ")" : String.format("%.6f", r.value()));
  }
}
