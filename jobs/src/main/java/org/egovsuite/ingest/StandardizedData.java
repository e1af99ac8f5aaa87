package org.egovsuite.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.spark.ParquetFolders;
import org.egovsuite.stage.JobContext;

/** The standardised rows of a dataset: the accepted side of what ingest wrote. */
public final class StandardizedData {
  private StandardizedData() {}

  public static Dataset<Row> read(JobContext ctx, String dataset) {
    String path = ctx.warehouse().ingested(dataset);
    if (!ctx.warehouse().exists(path)) {
      throw new MissingStageOutputException(
          "no ingested data for dataset '"
              + dataset
              + "' in "
              + path
              + "; run 'bin/egov ingest' first");
    }
    return IngestResult.accepted(ParquetFolders.read(ctx.spark(), path));
  }
}
