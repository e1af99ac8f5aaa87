package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.egovsuite.concurrent.Futures;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.QualityStage;
import org.egovsuite.spark.JobGroups;
import org.egovsuite.stage.IndicatorsReport;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.PerDataset;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.StageState;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.warehouse.BranchWriter;

/**
 * Computes the indicator tables from the rows the quality stage admitted, each into the run's own
 * branch of its Iceberg table ({@link BranchWriter}; main, what readers get, moves only when the
 * publish stage has audited the branch): the UN EGDI tables, then each indicator of {@code
 * conf/indicators/} in the configured order, then the data dictionary of every table written. Every
 * snapshot carries its lineage ({@link SnapshotLineage}). Withholds the tables of a dataset that
 * failed its gate (and of indicators reading those tables); refuses quality results that belong to
 * another ingest.
 */
public final class IndicatorStage {
  public static final String NAME = "indicators";
  public static final String EGDI_COUNTRY = "egdi_country";
  public static final String EGDI_SUMMARY = "egdi_summary";

  /** What computed the UN tables, in {@link TableOutput#definition()}. */
  public static final String EGDI = "egdi";

  /** What computed the data dictionary, in {@link TableOutput#definition()}. */
  public static final String DICTIONARY = DataDictionary.TABLE;

  private IndicatorStage() {}

  public static IndicatorsReport execute(JobContext ctx) {
    IngestReport ingest =
        StageState.require(
            ctx.warehouse(),
            IngestStage.NAME,
            IngestReport.class,
            "so there is data to compute from");
    QualityReport quality =
        StageState.require(
            ctx.warehouse(),
            QualityStage.NAME,
            QualityReport.class,
            "so indicators are computed from checked data only");
    long start = System.currentTimeMillis();
    List<Done> done = runGraph(ctx, quality, ingest);
    List<TableOutput> tables = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    done.forEach(
        d -> {
          tables.addAll(d.tables());
          withheld.addAll(d.withheld());
        });
    if (!tables.isEmpty()) {
      inJobGroup(
          ctx, "indicators:dictionary", () -> tables.add(IndicatorTables.dictionary(ctx, tables)));
    }
    withheld.forEach(w -> ctx.listener().finished(NAME, "withheld " + w, 0));
    ctx.listener()
        .finished(
            NAME,
            tables.stream()
                .map(t -> String.format("%s %,d rows", t.name(), t.rows()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("no tables"),
            System.currentTimeMillis() - start);
    IndicatorsReport report =
        new IndicatorsReport(ctx.runId(), ingest.runId(), quality.runId(), tables, withheld);
    StageState.save(ctx.warehouse(), NAME, report);
    return report;
  }

  /** The tables one piece of work wrote, what it withheld, and whether its own tables exist. */
  private record Done(List<TableOutput> tables, List<String> withheld, boolean produced) {}

  /**
   * The indicators each indicator reads, among those listed before it (a definition may only read
   * earlier ones): it runs when they are done.
   */
  static Map<String, List<String>> dependencies(List<IndicatorDefinition> definitions) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (IndicatorDefinition definition : definitions) {
      out.put(
          definition.name(),
          IndicatorKinds.inputs(definition).stream().filter(out::containsKey).toList());
    }
    return out;
  }

  /**
   * Independent work side by side, as the ingest and quality stages do with datasets: the EGDI
   * tables and every indicator whose inputs are ready, a few at a time; an indicator starts when
   * the indicators it reads are written. Results keep the config's order; the first failure in that
   * order is rethrown as is.
   */
  private static List<Done> runGraph(JobContext ctx, QualityReport quality, IngestReport ingest) {
    ExecutorService pool = Executors.newFixedThreadPool(PerDataset.PARALLELISM);
    try {
      List<CompletableFuture<Done>> all = new ArrayList<>();
      if (ctx.config().egdi() != null) {
        // A pipeline without the UN survey (no indicators.egdi) has no UN tables.
        all.add(CompletableFuture.supplyAsync(() -> egdiTables(ctx, quality, ingest), pool));
      }
      Map<String, CompletableFuture<Done>> byName = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> node :
          dependencies(ctx.config().indicators()).entrySet()) {
        IndicatorDefinition definition =
            ctx.config().indicators().stream()
                .filter(d -> d.name().equals(node.getKey()))
                .findFirst()
                .orElseThrow();
        List<CompletableFuture<Done>> inputs = node.getValue().stream().map(byName::get).toList();
        CompletableFuture<Done> future =
            CompletableFuture.allOf(inputs.toArray(CompletableFuture[]::new))
                .thenApplyAsync(
                    ready -> {
                      Set<String> unavailable = new HashSet<>();
                      for (int i = 0; i < inputs.size(); i++) {
                        if (!Futures.join(inputs.get(i)).produced()) {
                          unavailable.add(node.getValue().get(i));
                        }
                      }
                      return definitionTables(ctx, quality, ingest, definition, unavailable);
                    },
                    pool);
        byName.put(definition.name(), future);
        all.add(future);
      }
      List<Done> out = new ArrayList<>();
      for (CompletableFuture<Done> f : all) {
        out.add(Futures.join(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Done egdiTables(JobContext ctx, QualityReport quality, IngestReport ingest) {
    EgdiIndicatorConfig egdi = ctx.config().egdi();
    QualityReport.DatasetQuality input = requireChecked(quality, ingest, egdi.dataset());
    if (input.verdict() == QualityOutcome.Verdict.FAILED) {
      // The gate withholds the tables of a failed dataset; the others still go out.
      return new Done(
          List.of(),
          List.of(
              EGDI_COUNTRY
                  + ", "
                  + EGDI_SUMMARY
                  + ": dataset '"
                  + egdi.dataset()
                  + "' failed its quality gate in run "
                  + quality.runId()),
          false);
    }
    ctx.listener().started(NAME, "UN EGDI tables from " + egdi.dataset());
    List<TableOutput> tables = new ArrayList<>();
    inJobGroup(ctx, "indicators:egdi", () -> IndicatorTables.egdi(ctx, input, egdi, tables));
    return new Done(tables, List.of(), true);
  }

  private static Done definitionTables(
      JobContext ctx,
      QualityReport quality,
      IngestReport ingest,
      IndicatorDefinition definition,
      Set<String> unavailable) {
    Optional<String> failed = failedInput(quality, ingest, definition, unavailable);
    if (failed.isPresent()) {
      return new Done(List.of(), List.of(definition.name() + " tables: " + failed.get()), false);
    }
    ctx.listener().started(NAME, definition.name() + " (" + definition.file() + ")");
    long start = System.currentTimeMillis();
    List<TableOutput> tables = new ArrayList<>();
    inJobGroup(
        ctx,
        "indicators:" + definition.name(),
        () -> IndicatorTables.defined(ctx, quality, definition, tables));
    ctx.listener()
        .finished(
            NAME,
            definition.name() + ": " + tables.size() + " table(s)",
            System.currentTimeMillis() - start);
    return new Done(tables, List.of(), true);
  }

  private static void inJobGroup(JobContext ctx, String group, Runnable work) {
    JobGroups.run(ctx.spark().sparkContext(), group, group, work);
  }

  /**
   * Why a definition cannot run: an input dataset failed its gate or an input table was withheld.
   */
  static Optional<String> failedInput(
      QualityReport quality,
      IngestReport ingest,
      IndicatorDefinition definition,
      Set<String> unavailable) {
    for (String input : IndicatorKinds.inputs(definition)) {
      if (unavailable.contains(input)) {
        return Optional.of("it reads indicator " + input + ", which was withheld");
      }
      if (quality.dataset(input) != null) { // a dataset, not an indicator table
        QualityReport.DatasetQuality checked = requireChecked(quality, ingest, input);
        if (checked.verdict() == QualityOutcome.Verdict.FAILED) {
          return Optional.of(
              "dataset '" + input + "' failed its quality gate in run " + quality.runId());
        }
      }
    }
    return Optional.empty();
  }

  private static QualityReport.DatasetQuality requireChecked(
      QualityReport quality, IngestReport ingest, String dataset) {
    if (!quality.ingestRunId().equals(ingest.runId())) {
      throw new MissingStageOutputException(
          "quality results are for ingest run "
              + quality.ingestRunId()
              + " but the standardised data is from run "
              + ingest.runId()
              + "; run 'bin/egov quality' first");
    }
    QualityReport.DatasetQuality verdict = quality.dataset(dataset);
    if (verdict == null) {
      throw new MissingStageOutputException(
          "no quality results for dataset '" + dataset + "'; run 'bin/egov quality' first");
    }
    return verdict;
  }

  /** A table to write: its name, what computes it, its title and the datasets it comes from. */
}
