package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.anyValue;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.List;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * A metric may not change by more than {@code max_change} (relative: 0.2 = ±20%) from the last run
 * the gate admitted. The verification only computes the metric (its assertion accepts any value);
 * {@link org.egovsuite.quality.DriftJudge} then asks Deequ's anomaly detection with the metrics
 * history of admitted runs. The first run of a dataset has no baseline and passes.
 */
public final class DriftKind implements RuleKind {
  /** The metrics a drift rule can follow; all but row_count need one column. */
  public static final List<String> METRICS =
      List.of("row_count", "completeness", "mean", "minimum", "maximum", "sum");

  @Override
  public String name() {
    return "drift";
  }

  @Override
  public Set<String> keys() {
    return Set.of("metric", "columns", "max_change");
  }

  @Override
  public boolean rowLevel() {
    return false;
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    YamlNode metric = node.require("metric");
    if (!METRICS.contains(rule.metric())) {
      context.error(
          metric,
          "unknown metric '" + rule.metric() + "'; valid metrics: " + String.join(", ", METRICS));
    } else if (rule.metric().equals("row_count")) {
      if (!rule.columns().isEmpty()) {
        context.error(node.require("columns"), "a row_count drift rule takes no columns");
      }
    } else if (rule.columns().size() != 1) {
      context.error(
          node.get("columns").orElse(node),
          "a " + rule.metric() + " drift rule follows exactly one column");
    } else {
      context.requireColumns(node.require("columns"), rule.columns());
    }
    if (rule.maxChange() == null || !(rule.maxChange() > 0)) {
      context.error(
          node.get("max_change").orElse(node), "a drift rule needs 'max_change' > 0 (0.2 = ±20%)");
    }
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    String column = rule.columns().isEmpty() ? null : rule.columns().get(0);
    return RuleKinds.scoped(
        switch (rule.metric()) {
          case "row_count" -> check.hasSize(anyValue(), none());
          case "completeness" -> check.hasCompleteness(column, anyValue(), none(), none());
          case "mean" -> check.hasMean(column, anyValue(), none());
          case "minimum" -> check.hasMin(column, anyValue(), none(), none());
          case "maximum" -> check.hasMax(column, anyValue(), none(), none());
          case "sum" -> check.hasSum(column, anyValue(), none());
          default -> throw new IllegalArgumentException("unknown drift metric " + rule.metric());
        },
        rule);
  }

  @Override
  public double[] metricBounds(Rule rule) {
    return new double[] {Double.NaN, Double.NaN};
  }

  @Override
  public String threshold(Rule rule) {
    return "within ±" + rule.maxChange() * 100 + "% of the last admitted run";
  }
}
