package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.stage.RowColumns;

/**
 * What {@link IngestJob} wrote: every record once, in one table, with its quarantine reason (null
 * for accepted records). {@link #accepted()} and {@link #quarantined()} read the two sides back
 * from it.
 *
 * @param written the written table (all records)
 * @param rowsOut accepted rows written (more than accepted records after an unpivot)
 */
public record IngestResult(
    String dataset, Dataset<Row> written, long rowsOut, List<FileAccount> files) {

  /** Accepted rows, without the quarantine columns. */
  public Dataset<Row> accepted() {
    return accepted(written);
  }

  /** Accepted rows of an ingested table, without the quarantine columns. */
  public static Dataset<Row> accepted(Dataset<Row> ingested) {
    return ingested
        .where(col(RowColumns.QUARANTINE_REASON).isNull())
        .drop(RowColumns.QUARANTINE_REASON, IngestColumns.RAW_RECORD);
  }

  /** Quarantined records: file, line, reason and raw text. */
  public Dataset<Row> quarantined() {
    return written
        .where(col(RowColumns.QUARANTINE_REASON).isNotNull())
        .select(
            lit(dataset).as("dataset"),
            col(RowColumns.SOURCE_FILE),
            col(RowColumns.SOURCE_LINE),
            col(RowColumns.QUARANTINE_REASON),
            col(IngestColumns.RAW_RECORD),
            col(RowColumns.RUN_ID));
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileAccount::rowsRead).sum();
  }

  public long rowsAccepted() {
    return files.stream().mapToLong(FileAccount::rowsAccepted).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileAccount::rowsQuarantined).sum();
  }
}
