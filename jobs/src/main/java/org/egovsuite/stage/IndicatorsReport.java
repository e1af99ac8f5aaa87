package org.egovsuite.stage;

import java.util.List;

/**
 * Indicator tables computed (not yet published), the runs whose data they used, and the tables left
 * out because a dataset they read failed its quality gate.
 */
public record IndicatorsReport(
    String runId,
    String ingestRunId,
    String qualityRunId,
    List<TableOutput> tables,
    List<String> withheld)
    implements StageReport {
  public IndicatorsReport {
    tables = Copies.of(tables);
    withheld = Copies.of(withheld);
  }
}
