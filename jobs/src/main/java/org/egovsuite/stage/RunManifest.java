package org.egovsuite.stage;

import java.util.List;

/**
 * {@code runs/<run>/manifest.json}, written when a run's tables are published and named in the
 * lineage of every snapshot the run wrote: everything needed to trace a published table back to its
 * inputs (with checksums), the rule results that admitted them, and the code and config used.
 */
public record RunManifest(
    int formatVersion,
    String runId,
    String publishedAt,
    String codeVersion,
    String config,
    String configSha256,
    String warehouse,
    IngestReport ingest,
    QualityReport quality,
    String indicatorsRunId,
    List<TableOutput> tables)
    implements org.egovsuite.warehouse.JsonFiles.Versioned {
  /** The version of this file's layout; a reader refuses any other. */
  public static final int FORMAT_VERSION = 1;
}
