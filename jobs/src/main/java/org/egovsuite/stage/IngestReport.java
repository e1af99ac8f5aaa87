package org.egovsuite.stage;

import java.util.List;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.standardize.Standardizer;

/** What ingest read and wrote, per dataset; rows read = accepted + quarantined for each. */
public record IngestReport(String runId, List<DatasetIngest> datasets) implements StageReport {
  public IngestReport {
    datasets = Copies.of(datasets);
  }

  /**
   * @param rowsRead records read from the files (after an unpivot, rowsOut can be larger)
   * @param rowsOut rows written to the standardised table
   * @param unresolved names the standardisation could not resolve, with the closest candidates
   * @param newSinceRun the last run that admitted the dataset, or null when none did
   * @param newFiles files read now that that run did not read (a glob that newly matches)
   */
  public record DatasetIngest(
      String dataset,
      String definition,
      String output,
      String quarantine,
      long rowsRead,
      long rowsAccepted,
      long rowsQuarantined,
      long rowsOut,
      List<FileAccount> files,
      List<Standardizer.Unresolved> unresolved,
      String newSinceRun,
      List<String> newFiles) {
    public DatasetIngest {
      files = Copies.of(files);
      unresolved = Copies.of(unresolved);
      newFiles = Copies.of(newFiles);
    }
  }
}
