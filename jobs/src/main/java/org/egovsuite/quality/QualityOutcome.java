package org.egovsuite.quality;

import java.util.List;

/** All rule results of one dataset and its verdict. */
public record QualityOutcome(String dataset, String rulesFile, List<RuleResult> results) {

  public enum Verdict { PASSED, WARNED, FAILED }

  public Verdict verdict() {
    if (failed(Severity.ERROR)) {
      return Verdict.FAILED;
    }
    return failed(Severity.WARNING) ? Verdict.WARNED : Verdict.PASSED;
  }

  public List<RuleResult> failures(Severity severity) {
    return results.stream().filter(r -> !r.passed() && r.severity() == severity).toList();
  }

  private boolean failed(Severity severity) {
    return !failures(severity).isEmpty();
  }
}
