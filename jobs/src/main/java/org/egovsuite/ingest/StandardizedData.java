package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.spark.ParquetFolders;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.RowColumns;

/** The standardised rows of a dataset: the accepted side of what ingest wrote. */
public final class StandardizedData {
  private StandardizedData() {}

  public static Dataset<Row> read(JobContext ctx, String dataset) {
    String path = folder(ctx, dataset);
    return IngestResult.accepted(
        ProvenanceManifest.attached(ParquetFolders.read(ctx.spark(), path), path, hadoop(ctx)));
  }

  /**
   * The standardised rows with {@link RowColumns#STORED_FILE} and {@link RowColumns#STORED_ROW}.
   * Taken straight off the file scan: Spark's hidden {@code _metadata} column does not pass through
   * a projection, so it is selected before the provenance is attached and the accepted rows are
   * filtered.
   */
  public static Dataset<Row> readWithPositions(JobContext ctx, String dataset) {
    String path = folder(ctx, dataset);
    Dataset<Row> scan =
        ParquetFolders.read(ctx.spark(), path)
            .withColumn(RowColumns.STORED_FILE, col("_metadata.file_name"))
            .withColumn(RowColumns.STORED_ROW, col("_metadata.row_index"));
    return IngestResult.accepted(ProvenanceManifest.attached(scan, path, hadoop(ctx)));
  }

  private static Configuration hadoop(JobContext ctx) {
    return ctx.spark().sparkContext().hadoopConfiguration();
  }

  private static String folder(JobContext ctx, String dataset) {
    String path = ctx.warehouse().ingested(dataset);
    if (!ctx.warehouse().exists(path)) {
      throw new MissingStageOutputException(
          "no ingested data for dataset '"
              + dataset
              + "' in "
              + path
              + "; run 'bin/egov ingest' first");
    }
    return path;
  }
}
