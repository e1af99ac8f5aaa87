package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.indicators.egdi.EgdiColumns;
import org.egovsuite.indicators.egdi.EgdiIndicators;
import org.egovsuite.indicators.kinds.IndicatorKind;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.quality.AdmittedData;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.warehouse.BranchWriter;
import org.egovsuite.warehouse.SyntheticLabel;

/**
 * How the indicators stage writes its tables to the run's branch: the UN EGDI tables, a defined
 * indicator's tables through its kind, the data dictionary of every table written; each in a fixed
 * row order, with its title, lineage, key columns, definition and input datasets.
 */
final class IndicatorTables {
  /** The column analysts filter unit tables on first, where a table has it. */
  private static final String REGION = "region";

  private IndicatorTables() {}

  static void egdi(
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
                IndicatorStage.EGDI_COUNTRY,
                IndicatorStage.EGDI,
                String.format(title, "by country and survey"),
                List.of(egdi.dataset())),
            country,
            EgdiColumns.SURVEY_YEAR,
            List.of(EgdiColumns.SURVEY_YEAR, EgdiColumns.COUNTRY)));
    Dataset<Row> written =
        BranchWriter.read(
            ctx.spark(), IndicatorStage.EGDI_COUNTRY, BranchWriter.branch(ctx.runId()));
    Dataset<Row> summary =
        sorted(
            List.of(EgdiColumns.SURVEY_YEAR, EgdiColumns.GROUP_ORDER),
            EgdiIndicators.summaryTable(written, egdi));
    tables.add(
        write(
            ctx,
            new Target(
                IndicatorStage.EGDI_SUMMARY,
                IndicatorStage.EGDI,
                String.format(title, "groups by survey"),
                List.of(egdi.dataset())),
            summary,
            EgdiColumns.SURVEY_YEAR,
            List.of(EgdiColumns.SURVEY_YEAR)));
  }

  static void defined(
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
                IndicatorTables.write(
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

  static TableOutput dictionary(JobContext ctx, List<TableOutput> tables) {
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
            IndicatorStage.DICTIONARY,
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

  private record Target(String table, String definition, String title, List<String> datasets) {}
}
