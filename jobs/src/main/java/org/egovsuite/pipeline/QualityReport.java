package org.egovsuite.pipeline;

import java.util.List;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.RuleResult;

/** Rule results and verdict per dataset for one quality run over one ingest run. */
public record QualityReport(String runId, String ingestRunId, List<DatasetQuality> datasets) {

  public record DatasetQuality(String dataset, String rulesFile, QualityOutcome.Verdict verdict,
      List<RuleResult> results) {}

  public DatasetQuality dataset(String name) {
    return datasets.stream().filter(d -> d.dataset().equals(name)).findFirst().orElse(null);
  }
}
