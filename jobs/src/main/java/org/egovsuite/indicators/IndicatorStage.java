package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.concurrent.Futures;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.indicators.egdi.EgdiColumns;
import org.egovsuite.indicators.egdi.EgdiIndicators;
import org.egovsuite.indicators.kinds.IndicatorKind;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.quality.AdmittedData;
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
import org.egovsuite.warehouse.SyntheticLabel;

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

  /** The column analysts filter unit tables on first, where a table has it. */
  private static final String REGION = "region";

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
      inJobGroup(ctx, "indicators:dictionary", () -> tables.add(dictionary(ctx, tables)));
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
  public static Map<String, List<String>> dependencies(List<IndicatorDefinition> definitions) {
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
    inJobGroup(ctx, "indicators:egdi", () -> egdi(ctx, input, egdi, tables));
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
        ctx, "indicators:" + definition.name(), () -> defined(ctx, quality, definition, tables));
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

  private static void egdi(
      JobContext ctx,
      QualityReport.DatasetQuality input,
      EgdiIndicatorConfig egdi,
      List<TableOutput> tables) {
    Dataset<Row> standardized = AdmittedData.read(ctx, input);
    Dataset<Row> country =
        sorted(
            List.of(EgdiColumns.SURVEY_YEAR, EgdiColumns.COUNTRY),
            EgdiIndicators.countryTable(standardized, egdi));
    String title = "UN E-Government Development Index (EGDI) %s / 联合国电子政务发展指数";
    tables.add(
        write(
            ctx,
            new Target(
                EGDI_COUNTRY,
                EGDI,
                String.format(title, "by country and survey"),
                List.of(egdi.dataset())),
            country,
            EgdiColumns.SURVEY_YEAR,
            List.of(EgdiColumns.SURVEY_YEAR, EgdiColumns.COUNTRY)));
    Dataset<Row> written =
        BranchWriter.read(ctx.spark(), EGDI_COUNTRY, BranchWriter.branch(ctx.runId()));
    Dataset<Row> summary =
        sorted(
            List.of(EgdiColumns.SURVEY_YEAR, EgdiColumns.GROUP_ORDER),
            EgdiIndicators.summaryTable(written, egdi));
    tables.add(
        write(
            ctx,
            new Target(
                EGDI_SUMMARY,
                EGDI,
                String.format(title, "groups by survey"),
                List.of(egdi.dataset())),
            summary,
            EgdiColumns.SURVEY_YEAR,
            List.of(EgdiColumns.SURVEY_YEAR)));
  }

  /**
   * Why a definition cannot run: an input dataset failed its gate or an input table was withheld.
   */
  public static Optional<String> failedInput(
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

  private static void defined(
      JobContext ctx,
      QualityReport quality,
      IndicatorDefinition definition,
      List<TableOutput> tables) {
    Map<String, Dataset<Row>> admitted = new HashMap<>();
    Function<String, Dataset<Row>> sources =
        name -> {
          QualityReport.DatasetQuality checked = quality.dataset(name);
          if (checked != null) {
            return admitted.computeIfAbsent(name, n -> AdmittedData.read(ctx, checked));
          }
          // An indicator computed earlier in this stage (definitions run in the configured order).
          return BranchWriter.read(ctx.spark(), name, BranchWriter.branch(ctx.runId()));
        };
    Function<String, Dataset<Row>> lookups =
        file ->
            ctx.spark()
                .read()
                .option("header", "true")
                .csv(ctx.config().home().resolve(file).toString());
    List<String> datasets = IndicatorKinds.datasets(ctx.config(), definition);
    IndicatorKinds.write(
        definition,
        sources,
        lookups,
        new IndicatorKind.TableSink() {
          @Override
          public void write(String table, Dataset<Row> rows) {
            tables.add(
                IndicatorStage.write(
                    ctx,
                    new Target(
                        table, definition.name(), TableSources.title(definition, table), datasets),
                    sorted(definition, table, rows),
                    definition.period(),
                    keys(definition, table)));
          }

          @Override
          public Dataset<Row> read(String table) {
            return BranchWriter.read(ctx.spark(), table, BranchWriter.branch(ctx.runId()));
          }
        });
  }

  /**
   * Rows in a fixed order (period, region where the table has one, unit), so reruns write the same
   * files. Indicator tables hold one row per unit (country, province, city, municipality) and
   * period: small enough for one task, and a sort within one partition saves the sampling job of a
   * global sort.
   */
  private static Dataset<Row> sorted(
      IndicatorDefinition definition, String table, Dataset<Row> data) {
    List<String> order = new ArrayList<>(IndicatorKinds.order(definition, table));
    if (table.equals(definition.name()) && List.of(data.columns()).contains(REGION)) {
      // units grouped by region within each year file, so min/max statistics skip the others
      order.add(1, REGION);
    }
    return sorted(order, data);
  }

  private static Dataset<Row> sorted(List<String> columns, Dataset<Row> data) {
    return data.coalesce(1)
        .sortWithinPartitions(
            columns.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  private static TableOutput dictionary(JobContext ctx, List<TableOutput> tables) {
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (TableOutput table : tables) {
      schemas.put(
          table.name(), BranchWriter.read(ctx.spark(), table.name(), table.branch()).schema());
    }
    Map<String, String> synthetic = new LinkedHashMap<>();
    Map<String, String> definitions = new LinkedHashMap<>();
    tables.forEach(
        t -> {
          synthetic.put(
              t.name(), SyntheticLabel.text(TableSources.synthetic(ctx.config(), t.datasets())));
          definitions.put(t.name(), t.definition());
        });
    List<String> datasets = tables.stream().flatMap(t -> t.datasets().stream()).distinct().toList();
    return write(
        ctx,
        new Target(
            DataDictionary.TABLE,
            DICTIONARY,
            "Data dictionary of the published tables / 数据字典",
            datasets),
        DataDictionary.of(ctx.spark(), ctx.config(), schemas, definitions, synthetic).coalesce(1),
        null,
        List.of(DataDictionary.TABLE_NAME, DataDictionary.COLUMN_NAME));
  }

  /**
   * The columns no row of a table may leave empty (the publish audit checks them): the period, and
   * the unit in a unit table. Columns of summary rows (band, group) may be empty by design.
   */
  private static List<String> keys(IndicatorDefinition definition, String table) {
    return table.equals(definition.name())
        ? List.of(definition.period(), definition.unit())
        : List.of(definition.period());
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

  /**
   * Writes a table to the run's branch: zstd Parquet, one file per year for per-year tables
   * (partitioned by the period column when it holds years), one file otherwise. The data comes
   * sorted with the period first, which is the clustering Iceberg's writer needs, so it adds no
   * sort or shuffle of its own and the order within each file holds.
   *
   * @param period the definition's period column, or null
   * @param keys columns that no row may leave empty
   */
  private static TableOutput write(
      JobContext ctx, Target target, Dataset<Row> data, String period, List<String> keys) {
    String branch = BranchWriter.branch(ctx.runId());
    BranchWriter.Written written =
        BranchWriter.write(
            ctx.spark(),
            ctx.warehouse().catalog(),
            target.table(),
            data,
            period,
            branch,
            target.title(),
            TableSources.lineage(ctx, target.datasets()));
    return new TableOutput(
        target.table(),
        written.location(),
        written.rows(),
        written.columns(),
        written.snapshotId(),
        branch,
        keys.stream().filter(written.columns()::contains).toList(),
        target.definition(),
        target.datasets());
  }

  /** A table to write: its name, what computes it, its title and the datasets it comes from. */
  private record Target(String table, String definition, String title, List<String> datasets) {}
}
