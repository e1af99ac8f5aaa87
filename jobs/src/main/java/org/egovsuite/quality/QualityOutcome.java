package org.egovsuite.quality;

import java.util.List;

/**
 * All rule results of one dataset and its verdict: FAILED when a rule with action fail failed (the
 * gate stops the dataset), WARNED when any other rule failed (warned, or its rows were
 * quarantined), PASSED otherwise.
 */
public record QualityOutcome(String dataset, String rulesFile, List<RuleResult> results) {

  public enum Verdict {
    PASSED,
    WARNED,
    FAILED
  }

  public Verdict verdict() {
    if (results.stream().anyMatch(RuleResult::blocks)) {
      return Verdict.FAILED;
    }
    return results.stream().anyMatch(r -> !r.passed()) ? Verdict.WARNED : Verdict.PASSED;
  }

  public List<RuleResult> blocking() {
    return results.stream().filter(RuleResult::blocks).toList();
  }
}
