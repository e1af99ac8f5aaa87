package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.ingest.CsvIngestJob;
import org.egovsuite.ingest.IngestResult;
import org.egovsuite.standardize.Standardizer;

/** Ingest and standardise every dataset of the pipeline into the warehouse. */
public final class IngestStage {
  public static final String NAME = "ingest";

  private IngestStage() {}

  public static IngestReport execute(JobContext ctx) {
    List<IngestReport.DatasetIngest> out = new ArrayList<>();
    for (DatasetDefinition dataset : ctx.config().datasets()) {
      out.add(ingest(ctx, dataset));
    }
    IngestReport report = new IngestReport(ctx.runId(), out);
    StageState.save(ctx.warehouse(), NAME, report);
    return report;
  }

  private static IngestReport.DatasetIngest ingest(JobContext ctx, DatasetDefinition dataset) {
    long start = System.currentTimeMillis();
    ctx.listener().started(NAME, dataset.name() + " from " + dataset.location());
    ctx.spark().sparkContext().setJobGroup("ingest:" + dataset.name(), "ingest " + dataset.name(), false);
    IngestResult result = new CsvIngestJob(ctx.spark()).dataset(dataset).runId(ctx.runId()).execute();
    String output = ctx.warehouse().standardized(dataset.name());
    String quarantine = ctx.warehouse().quarantine(dataset.name());
    try {
      Dataset<Row> standardized = Standardizer.apply(result.accepted(), dataset);
      standardized.write().mode(SaveMode.Overwrite).parquet(output);
      result.quarantined().write().mode(SaveMode.Overwrite).parquet(quarantine);
    } finally {
      result.release();
      ctx.spark().sparkContext().clearJobGroup();
    }
    ctx.listener().finished(NAME, String.format("%s: %,d rows read from %d file(s), %,d accepted, %,d quarantined",
        dataset.name(), result.rowsRead(), result.files().size(), result.rowsAccepted(), result.rowsQuarantined()),
        System.currentTimeMillis() - start);
    return new IngestReport.DatasetIngest(dataset.name(), dataset.file(), output, quarantine,
        result.rowsRead(), result.rowsAccepted(), result.rowsQuarantined(), result.files());
  }
}
