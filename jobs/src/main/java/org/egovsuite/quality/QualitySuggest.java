package org.egovsuite.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.quality.suggest.DraftWriter;
import org.egovsuite.quality.suggest.RuleSuggester;
import org.egovsuite.stage.JobContext;

/**
 * {@code bin/egov quality suggest}: a draft rule file for a dataset from Deequ's suggestions,
 * written next to the rule files as {@code <dataset>.draft.yaml} (the pipeline reads only {@code
 * <dataset>.yaml}) and checked by the rule-file loader before it is written.
 */
public final class QualitySuggest {
  public static final String NAME = "suggest";

  public record Report(String dataset, String draft, int rules, List<String> allNullColumns) {}

  private QualitySuggest() {}

  public static Report execute(JobContext ctx, String datasetName, Path out) {
    DatasetDefinition dataset = StewardData.definition(ctx, datasetName);
    Path target =
        out != null
            ? out
            : ctx.config().rulesFile(datasetName).resolveSibling(datasetName + ".draft.yaml");
    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, datasetName + " from " + StewardData.describe(ctx, dataset));
    try (StewardData data = new StewardData(ctx)) {
      Dataset<Row> rows = data.apply(datasetName);
      List<String> columns =
          dataset.outputColumnNames().stream().filter(Set.of(rows.columns())::contains).toList();
      RuleSuggester.Draft draft =
          RuleSuggester.suggest(datasetName, rows, columns, Set.copyOf(dataset.keys()));
      String yaml = DraftWriter.yaml(draft, StewardData.describe(ctx, dataset));
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, yaml, StandardCharsets.UTF_8);
      // A draft the loader refuses would only move the steward's problem to the next run.
      RuleFileLoader.load(target, datasetName, Set.of(rows.columns()));
      ctx.listener()
          .finished(
              NAME,
              String.format(
                  "%s: %d rules drafted%s -> %s",
                  datasetName,
                  draft.rules().size(),
                  draft.allNullColumns().isEmpty()
                      ? ""
                      : ", " + draft.allNullColumns().size() + " all-null column(s) noted",
                  target),
              System.currentTimeMillis() - start);
      return new Report(
          datasetName, target.toString(), draft.rules().size(), draft.allNullColumns());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
