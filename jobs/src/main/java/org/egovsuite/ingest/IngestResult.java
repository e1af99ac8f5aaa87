package org.egovsuite.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link IngestJob} read. {@code accepted} and {@code quarantined} are views of one
 * persisted parse; call {@link #release()} once both are written.
 */
public record IngestResult(
    String dataset, Dataset<Row> parsed, Dataset<Row> accepted, Dataset<Row> quarantined,
    List<FileAccount> files) {

  public long rowsRead() {
    return files.stream().mapToLong(FileAccount::rowsRead).sum();
  }

  public long rowsAccepted() {
    return files.stream().mapToLong(FileAccount::rowsAccepted).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileAccount::rowsQuarantined).sum();
  }

  public void release() {
    parsed.unpersist();
  }
}
