package org.egovsuite.quality.history;

import java.util.List;

/** Earlier runs' metrics of one dataset, as drift rules need them. */
public interface MetricsHistory {
  /**
   * The values of one constraint's metric in earlier runs that the gate admitted (verdict passed or
   * warned), oldest first. Failed runs are left out so that a bad load does not become the baseline
   * the next load is compared with.
   */
  List<Double> admittedValues(String ruleId, String constraint);

  /** No earlier runs: every drift rule reports "no baseline". */
  static MetricsHistory empty() {
    return (ruleId, constraint) -> List.of();
  }
}
