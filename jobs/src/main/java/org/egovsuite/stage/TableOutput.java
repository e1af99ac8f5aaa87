package org.egovsuite.stage;

import java.util.List;

/**
 * One table a run wrote to its branch (indicators stage) or published (publish stage).
 *
 * @param path the Iceberg table's location
 * @param snapshotId the snapshot the run wrote: the head of its branch, then of main
 * @param branch the run's branch the snapshot was written to
 * @param keys columns no row may leave empty (audited before publishing)
 * @param definition what computed it: an indicator's name, {@value IndicatorStage#EGDI} or {@value
 *     IndicatorStage#DICTIONARY}
 * @param datasets the datasets it is computed from, directly or through other tables; the publish
 *     audit refuses it when one of them failed its quality gate
 */
public record TableOutput(
    String name,
    String path,
    long rows,
    List<String> columns,
    long snapshotId,
    String branch,
    List<String> keys,
    String definition,
    List<String> datasets) {
  public TableOutput {
    columns = Copies.of(columns);
    keys = Copies.of(keys);
    // Manifests of runs before the record named them lack the last two; they are still read for
    // lineage.
    datasets = datasets == null ? List.of() : Copies.of(datasets);
  }
}
