package org.egovsuite.stage;

import java.util.List;
import java.util.Map;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.RuleOutline;
import org.egovsuite.quality.RuleResult;

/** Rule results and verdict per dataset for one quality run over one ingest run. */
public record QualityReport(
    String runId,
    String runDate,
    String ingestRunId,
    List<DatasetQuality> datasets,
    String htmlReport)
    implements StageReport {
  public QualityReport {
    datasets = Copies.of(datasets);
  }

  /**
   * @param verificationJobs Spark jobs the dataset's one Deequ verification ran
   * @param rowsIn standardised rows checked: rowsIn = rowsPassed + rowsQuarantined
   * @param quarantinePath the rows quarantine rules set aside, with the rules and reasons and their
   *     stored positions; null when the dataset has no quarantine rules. The admitted rows are the
   *     standardised rows at every other position.
   * @param rules the rules run, in rule-file order
   * @param samples the first failing rows of every failing rule, by rule id
   */
  public record DatasetQuality(
      String dataset,
      String rulesFile,
      QualityOutcome.Verdict verdict,
      int verificationJobs,
      long rowsIn,
      long rowsPassed,
      long rowsQuarantined,
      String quarantinePath,
      List<RuleResult> results,
      List<RuleOutline> rules,
      Map<String, List<String>> samples) {
    public DatasetQuality {
      results = Copies.of(results);
      rules = Copies.of(rules);
      samples = Copies.of(samples);
    }
  }

  public DatasetQuality dataset(String name) {
    return datasets.stream().filter(d -> d.dataset().equals(name)).findFirst().orElse(null);
  }
}
