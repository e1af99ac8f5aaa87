package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.indicators.egdi.EgdiColumns;
import org.egovsuite.indicators.egdi.EgdiIndicators;
import org.egovsuite.quality.QualityOutcome;

/**
 * Computes the indicator tables from the rows the quality stage admitted, into the run's work
 * folder. Withholds the tables of a dataset that failed its gate; refuses quality results that
 * belong to another ingest.
 */
public final class IndicatorStage {
  public static final String NAME = "indicators";
  public static final String EGDI_COUNTRY = "egdi_country";
  public static final String EGDI_SUMMARY = "egdi_summary";

  private IndicatorStage() {}

  public static IndicatorsReport execute(JobContext ctx) {
    IngestReport ingest = StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class,
        "so there is data to compute from");
    QualityReport quality = StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class,
        "so indicators are computed from checked data only");
    EgdiIndicatorConfig egdi = ctx.config().egdi();
    QualityReport.DatasetQuality input = requireChecked(quality, ingest, egdi.dataset());
    if (input.verdict() == QualityOutcome.Verdict.FAILED) {
      // The gate withholds the tables of a failed dataset; the others still go out.
      String why = EGDI_COUNTRY + ", " + EGDI_SUMMARY + ": dataset '" + egdi.dataset()
          + "' failed its quality gate in run " + quality.runId();
      ctx.listener().finished(NAME, "withheld " + why, 0);
      IndicatorsReport report = new IndicatorsReport(ctx.runId(), ingest.runId(), quality.runId(), List.of(),
          List.of(why));
      StageState.save(ctx.warehouse(), NAME, report);
      return report;
    }

    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, "UN EGDI tables from " + egdi.dataset());
    ctx.spark().sparkContext().setJobGroup("indicators:egdi", "UN EGDI indicators", false);
    List<TableOutput> tables = new ArrayList<>();
    try {
      Dataset<Row> standardized = AdmittedData.read(ctx, input);
      Dataset<Row> country = EgdiIndicators.countryTable(standardized, egdi)
          .orderBy(EgdiColumns.SURVEY_YEAR, EgdiColumns.COUNTRY);
      tables.add(write(ctx, EGDI_COUNTRY, country));
      Dataset<Row> written = ctx.spark().read().parquet(ctx.warehouse().work(ctx.runId(), EGDI_COUNTRY));
      Dataset<Row> summary = EgdiIndicators.summaryTable(written, egdi)
          .orderBy(EgdiColumns.SURVEY_YEAR, EgdiColumns.GROUP_ORDER);
      tables.add(write(ctx, EGDI_SUMMARY, summary));
    } finally {
      ctx.spark().sparkContext().clearJobGroup();
    }
    ctx.listener().finished(NAME, tables.stream().map(t -> String.format("%s %,d rows", t.name(), t.rows()))
        .reduce((a, b) -> a + ", " + b).orElse("no tables"), System.currentTimeMillis() - start);
    IndicatorsReport report = new IndicatorsReport(ctx.runId(), ingest.runId(), quality.runId(), tables, List.of());
    StageState.save(ctx.warehouse(), NAME, report);
    return report;
  }

  private static QualityReport.DatasetQuality requireChecked(QualityReport quality, IngestReport ingest, String dataset) {
    if (!quality.ingestRunId().equals(ingest.runId())) {
      throw new MissingStageOutputException("quality results are for ingest run " + quality.ingestRunId()
          + " but the standardised data is from run " + ingest.runId() + "; run 'bin/egov quality' first");
    }
    QualityReport.DatasetQuality verdict = quality.dataset(dataset);
    if (verdict == null) {
      throw new MissingStageOutputException("no quality results for dataset '" + dataset
          + "'; run 'bin/egov quality' first");
    }
    return verdict;
  }

  private static TableOutput write(JobContext ctx, String table, Dataset<Row> data) {
    String path = ctx.warehouse().work(ctx.runId(), table);
    data.write().mode(SaveMode.Overwrite).parquet(path);
    Dataset<Row> written = ctx.spark().read().parquet(path);
    return new TableOutput(table, path, written.count(), List.of(written.columns()));
  }
}
