package org.egovsuite.pipeline;

import java.util.List;

/**
 * One table a run wrote to its branch (indicators stage) or published (publish stage).
 *
 * @param path the Iceberg table's location
 * @param snapshotId the snapshot the run wrote: the head of its branch, then of main
 * @param branch the run's branch the snapshot was written to
 * @param keys columns no row may leave empty (audited before publishing)
 */
public record TableOutput(String name, String path, long rows, List<String> columns, long snapshotId, String branch,
    List<String> keys) {}
