package org.egovsuite.pipeline;

import java.util.List;

/** Tables moved into {@code tables/} and the manifest that describes the run. */
public record PublishReport(String runId, String manifest, List<TableOutput> tables) {}
