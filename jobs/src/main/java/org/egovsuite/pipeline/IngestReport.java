package org.egovsuite.pipeline;

import java.util.List;
import org.egovsuite.ingest.FileAccount;

/** What ingest read and wrote, per dataset; rows read = accepted + quarantined for each. */
public record IngestReport(String runId, List<DatasetIngest> datasets) {

  public record DatasetIngest(String dataset, String definition, String output, String quarantine,
      long rowsRead, long rowsAccepted, long rowsQuarantined, List<FileAccount> files) {}

  public long rowsRead() {
    return datasets.stream().mapToLong(DatasetIngest::rowsRead).sum();
  }

  public long rowsQuarantined() {
    return datasets.stream().mapToLong(DatasetIngest::rowsQuarantined).sum();
  }
}
