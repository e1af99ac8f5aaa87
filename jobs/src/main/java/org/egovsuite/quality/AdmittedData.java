package org.egovsuite.quality;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.ingest.StandardizedData;
import org.egovsuite.spark.ParquetFolders;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;

/**
 * The rows of a dataset the quality stage admitted: the standardised rows, less those a quarantine
 * rule set aside.
 */
public final class AdmittedData {
  private AdmittedData() {}

  public static Dataset<Row> read(JobContext ctx, QualityReport.DatasetQuality quality) {
    if (quality.checkedPath() == null) {
      return StandardizedData.read(ctx, quality.dataset());
    }
    if (!ctx.warehouse().exists(quality.checkedPath())) {
      throw new MissingStageOutputException(
          "no checked rows for dataset '"
              + quality.dataset()
              + "' in "
              + quality.checkedPath()
              + "; run 'bin/egov quality' first");
    }
    return RowLevelMarks.admitted(ParquetFolders.read(ctx.spark(), quality.checkedPath()));
  }
}
