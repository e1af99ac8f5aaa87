package org.egovsuite.stage;

/**
 * What a stage hands the command that ran it (and leaves in {@code _state/<stage>.json}): the
 * closed set the run summary must know, so a new stage's report cannot be dropped unseen.
 */
public sealed interface StageReport
    permits IngestReport, QualityReport, IndicatorsReport, PublishReport, BriefReport {
  /** The run that wrote the report. */
  String runId();
}
