package org.egovsuite.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.ingest.IngestColumns;
import org.egovsuite.quality.QualityCheckJob;
import org.egovsuite.quality.QualityRun;
import org.egovsuite.quality.RowLevelMarks;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.quality.RuleFiles;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.quality.kinds.RuleInputs;

/**
 * {@code bin/egov quality check}: runs one dataset's rules (or a steward's draft file) and prints
 * the rules, metrics, verdicts and sample failing rows, writing nothing to the warehouse (data
 * from {@link StewardData}).
 */
public final class QualityDryRun {
  public static final String NAME = "check";

  /** What the dry run found; also the JSON summary's body. */
  public record Report(String dataset, String rulesFile, String data, long rows, String verdict, int verificationJobs,
      List<RuleResult> results, Map<String, List<String>> sampleFailingRows) {}

  private QualityDryRun() {}

  public static Report execute(JobContext ctx, String datasetName, Optional<Path> rulesFile, int samples) {
    DatasetDefinition dataset = StewardData.definition(ctx, datasetName);
    Path rules = rulesFile(ctx.config(), datasetName, rulesFile);
    String source = StewardData.describe(ctx, dataset);
    try (StewardData data = new StewardData(ctx)) {
      Dataset<Row> rows = data.apply(datasetName);
      RuleFile ruleFile = GeneratedRules.extend(
          RuleFileLoader.load(rules, datasetName, Set.of(rows.columns()), RuleFiles.columnsOf(ctx.config())), ctx.config());
      long start = System.currentTimeMillis();
      ctx.listener().started(NAME, datasetName + " against " + rules + " (dry run: nothing is written)");
      QualityRun run = new QualityCheckJob().data(rows).rules(ruleFile).mark(rule -> true)
          .inputs(new RuleInputs(LocalDate.now(ZoneOffset.UTC), data))
          .history(new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory()).history(datasetName))
          .execute();
      Set<String> failed = new java.util.HashSet<>();
      run.outcome().results().stream().filter(r -> !r.passed()).forEach(r -> failed.add(r.ruleId()));
      Map<String, List<String>> failing = new LinkedHashMap<>(run.marked()
          .map(m -> sampleFailingRows(m, ruleFile, dataset, samples, failed)).orElse(Map.of()));
      failing.putAll(sampleDuplicates(rows, ruleFile, samples, failed));
      ctx.listener().finished(NAME, String.format("%s: %,d rows, verdict %s", datasetName, run.rows(),
          run.outcome().verdict()), System.currentTimeMillis() - start);
      return new Report(datasetName, rules.toString(), source, run.rows(), run.outcome().verdict().name(),
          run.verificationJobs(), run.outcome().results(), failing);
    }
  }

  /**
   * Checks the dataset and its rule file (or a steward's draft) against the dataset's columns,
   * with no Spark: the command runs it before the session starts, so a mistake answers in a second.
   */
  public static void validate(PipelineConfig config, String datasetName, Optional<Path> draft) {
    StewardData.definition(config, datasetName);
    Map<String, Set<String>> columns = RuleFiles.columnsOf(config);
    RuleFileLoader.load(rulesFile(config, datasetName, draft), datasetName, columns.get(datasetName), columns);
  }

  private static Path rulesFile(PipelineConfig config, String datasetName, Optional<Path> draft) {
    Path rules = draft.orElse(config.rulesFile(datasetName));
    if (!Files.isRegularFile(rules)) {
      throw new ConfigException(rules + ": no such rule file");
    }
    return rules;
  }

  /** Up to {@code samples} failing rows per rule: the rule's columns, the keys and where the row came from. */
  private static Map<String, List<String>> sampleFailingRows(Dataset<Row> marked, RuleFile rules, DatasetDefinition dataset,
      int samples, Set<String> failed) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var rule : rules.rules()) {
      if (!failed.contains(rule.id())) {
        continue; // samples under a rule that passed would point at the wrong rule
      }
      Set<String> shown = new LinkedHashSet<>(dataset.keys());
      shown.addAll(rule.columns());
      shown.add(IngestColumns.SOURCE_FILE);
      shown.add(IngestColumns.SOURCE_LINE);
      shown.retainAll(Set.of(marked.columns()));
      List<String> rows = new ArrayList<>();
      for (Row row : RowLevelMarks.quarantined(marked)
          .where(functions.array_contains(functions.col(RowLevelMarks.FAILED_RULES), rule.id()))
          .select(shown.stream().map(c -> functions.col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new))
          .limit(samples).collectAsList()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          fields.add(row.schema().fields()[i].name() + "=" + shown(row.get(i)));
        }
        rows.add(String.join(", ", fields));
      }
      if (!rows.isEmpty()) {
        out.put(rule.id(), rows);
      }
    }
    return out;
  }

  /**
   * A failing uniqueness rule has no failing row of its own: its samples are the repeated values,
   * with how many rows hold each.
   */
  private static Map<String, List<String>> sampleDuplicates(Dataset<Row> rows, RuleFile rules, int samples,
      Set<String> failed) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var rule : rules.rules()) {
      if (!failed.contains(rule.id()) || !rule.kind().equals("uniqueness")) {
        continue;
      }
      org.apache.spark.sql.Column[] key = rule.columns().stream().map(c -> functions.col("`" + c + "`"))
          .toArray(org.apache.spark.sql.Column[]::new);
      List<String> lines = new ArrayList<>();
      for (Row row : rows.where(functions.col("`" + rule.columns().get(0) + "`").isNotNull()).groupBy(key).count()
          .where(functions.col("count").gt(1)).orderBy(functions.col("count").desc()).limit(samples).collectAsList()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.size() - 1; i++) {
          fields.add(row.schema().fields()[i].name() + "=" + shown(row.get(i)));
        }
        lines.add(String.join(", ", fields) + " (" + row.getLong(row.size() - 1) + " rows)");
      }
      if (!lines.isEmpty()) {
        out.put(rule.id(), lines);
      }
    }
    return out;
  }

  /** A value as a person writes it: lists as [a, b], not Scala's WrappedArray(a, b). */
  static String shown(Object value) {
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    return String.valueOf(value);
  }
}
