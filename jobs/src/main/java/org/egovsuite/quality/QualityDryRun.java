package org.egovsuite.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.quality.kinds.RuleInputs;
import org.egovsuite.stage.JobContext;

/**
 * {@code bin/egov quality check}: runs one dataset's rules (or a steward's draft file) and prints
 * the rules, metrics, verdicts and sample failing rows, writing nothing to the warehouse (data from
 * {@link StewardData}).
 */
public final class QualityDryRun {
  public static final String NAME = "check";

  /** What the dry run found; also the JSON summary's body. */
  public record Report(
      String dataset,
      String rulesFile,
      String data,
      long rows,
      String verdict,
      int verificationJobs,
      List<RuleResult> results,
      Map<String, List<String>> sampleFailingRows) {}

  private QualityDryRun() {}

  public static Report execute(
      JobContext ctx,
      String datasetName,
      Optional<Path> rulesFile,
      int samples,
      GeneratedRules generated) {
    DatasetDefinition dataset = StewardData.definition(ctx, datasetName);
    Path rules = rulesFile(ctx.config(), datasetName, rulesFile);
    String source = StewardData.describe(ctx, dataset);
    try (StewardData data = new StewardData(ctx)) {
      Dataset<Row> rows = data.apply(datasetName);
      RuleFile ruleFile =
          generated.extend(
              RuleFileLoader.load(
                  rules, datasetName, Set.of(rows.columns()), RuleFiles.columnsOf(ctx.config())));
      long start = System.currentTimeMillis();
      ctx.listener()
          .started(NAME, datasetName + " against " + rules + " (dry run: nothing is written)");
      QualityRun run =
          new QualityCheckJob()
              .data(rows)
              .rules(ruleFile)
              .samples(samples, dataset.keys())
              .inputs(new RuleInputs(LocalDate.now(ZoneOffset.UTC), data))
              .history(
                  new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory())
                      .history(datasetName))
              .execute();
      ctx.listener()
          .finished(
              NAME,
              String.format(
                  "%s: %,d rows, verdict %s", datasetName, run.rows(), run.outcome().verdict()),
              System.currentTimeMillis() - start);
      return new Report(
          datasetName,
          rules.toString(),
          source,
          run.rows(),
          run.outcome().verdict().name(),
          run.verificationJobs(),
          run.outcome().results(),
          run.samples());
    }
  }

  /**
   * Checks the dataset and its rule file (or a steward's draft) against the dataset's columns, with
   * no Spark: the command runs it before the session starts, so a mistake answers in a second.
   */
  public static void validate(PipelineConfig config, String datasetName, Optional<Path> draft) {
    StewardData.definition(config, datasetName);
    Map<String, Set<String>> columns = RuleFiles.columnsOf(config);
    RuleFileLoader.load(
        rulesFile(config, datasetName, draft), datasetName, columns.get(datasetName), columns);
  }

  private static Path rulesFile(PipelineConfig config, String datasetName, Optional<Path> draft) {
    Path rules = draft.orElse(config.rulesFile(datasetName));
    if (!Files.isRegularFile(rules)) {
      throw new ConfigException(rules + ": no such rule file");
    }
    return rules;
  }
}
