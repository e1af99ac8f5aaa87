package org.egovsuite.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.quality.history.MetricsHistory;

/**
 * Judges drift rules: the verification computed each one's metric; here it is compared with the
 * admitted history by Deequ's relative-rate-of-change anomaly detection.
 */
final class DriftJudge {
  private DriftJudge() {}

  static List<RuleResult> judge(
      List<RuleResult> results, Map<String, Rule> rules, MetricsHistory history) {
    return results.stream()
        .map(r -> r.kind().equals("drift") ? judge(r, rules.get(r.ruleId()), history) : r)
        .toList();
  }

  private static RuleResult judge(RuleResult result, Rule rule, MetricsHistory history) {
    String allowed =
        String.format("within ±%s of the last admitted run", percent(rule.maxChange()));
    if (result.value() == null) {
      return result.judged(false, allowed, "the metric could not be computed: " + result.message());
    }
    List<Double> earlier = history.admittedValues(result.ruleId(), result.constraint());
    if (earlier.isEmpty()) {
      return result.judged(true, allowed, "no baseline: first admitted run of this rule");
    }
    double previous = earlier.get(earlier.size() - 1);
    Optional<String> anomaly =
        DeequAdapter.relativeChangeAnomaly(earlier, result.value(), rule.maxChange());
    String change =
        previous == 0
            ? "from 0"
            : String.format("%+.2f%% vs %s", (result.value() / previous - 1) * 100, trim(previous));
    return anomaly.isPresent()
        ? result.judged(false, allowed, "changed " + change + " (" + anomaly.get() + ")")
        : result.judged(true, allowed, "changed " + change);
  }

  private static String percent(double share) {
    return trim(share * 100) + "%";
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
