package org.egovsuite.pipeline;

import java.util.List;

/** The table versions published (path: the version folder) and the manifest that describes the run. */
public record PublishReport(String runId, String manifest, List<TableOutput> tables) {}
