package org.egovsuite.quality.report;

import java.util.List;
import org.egovsuite.quality.RuleOutline;
import org.egovsuite.quality.RuleResult;

/**
 * The content of one run's quality report, rendered as HTML by {@link HtmlQualityReport} and
 * written as is to JSON.
 */
public record QualityRunReport(
    String runId, String generatedAt, String runDate, List<DatasetSection> datasets) {

  /**
   * @param ingestQuarantined records ingest could not read (bad rows of the files)
   * @param rowsQuarantined standardised rows quarantine rules set aside
   * @param newFiles input files the last run that admitted the dataset did not read
   */
  public record DatasetSection(
      String dataset,
      String rulesFile,
      String verdict,
      int verificationJobs,
      long ingestQuarantined,
      List<QuarantinedRow> ingestSamples,
      long rowsIn,
      long rowsPassed,
      long rowsQuarantined,
      List<QuarantinedRow> qualitySamples,
      List<RuleLine> rules,
      List<String> newFiles) {}

  /**
   * One rule: its outline, whether all its constraints passed, the value of its worst constraint
   * with that metric's values in earlier runs (oldest first, this run last), what failed in words,
   * sample failing rows, and every constraint's result.
   */
  public record RuleLine(
      RuleOutline rule,
      String severity,
      String action,
      boolean passed,
      String metric,
      Double value,
      String threshold,
      List<String> findings,
      List<Double> trend,
      List<String> samples,
      List<RuleResult> constraints) {
    public RuleLine {
      findings = List.copyOf(findings);
      trend = List.copyOf(trend);
      samples = List.copyOf(samples);
      constraints = List.copyOf(constraints);
    }
  }

  /** A quarantined row in short: why, and where it came from or what it held. */
  public record QuarantinedRow(String reason, String row) {}
}
