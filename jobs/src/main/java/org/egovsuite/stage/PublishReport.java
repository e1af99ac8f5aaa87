package org.egovsuite.stage;

import java.util.List;

/**
 * The tables an indicators run published (main of each at the run's snapshot) and the run's
 * manifest.
 */
public record PublishReport(
    String runId, String indicatorsRunId, String manifest, List<TableOutput> tables)
    implements StageReport {
  public PublishReport {
    tables = Copies.of(tables);
  }
}
