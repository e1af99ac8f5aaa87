package org.egovsuite.pipeline;

import java.util.List;

/** Indicator tables computed (not yet published) and the runs whose data they used. */
public record IndicatorsReport(String runId, String ingestRunId, String qualityRunId, List<TableOutput> tables) {}
