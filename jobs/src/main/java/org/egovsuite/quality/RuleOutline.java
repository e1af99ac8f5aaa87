package org.egovsuite.quality;

import java.util.List;
import org.egovsuite.quality.kinds.RuleKinds;

/**
 * What a report says about a rule besides its results: what it is for, who answers for it, the
 * columns it reads, and the bounds its metric must keep, drawn on the trend chart.
 *
 * @param lowest the smallest value the metric may take, or null (no lower bound or a relative one)
 * @param highest the largest value the metric may take, or null
 */
public record RuleOutline(
    String id,
    String kind,
    String description,
    String owner,
    List<String> columns,
    Double lowest,
    Double highest) {
  public RuleOutline {
    columns = List.copyOf(columns);
  }

  public static RuleOutline of(Rule rule) {
    double[] bounds = RuleKinds.find(rule.kind()).orElseThrow().metricBounds(rule);
    return new RuleOutline(
        rule.id(),
        rule.kind(),
        rule.description(),
        rule.owner(),
        rule.columns(),
        Double.isNaN(bounds[0]) ? null : bounds[0],
        Double.isNaN(bounds[1]) ? null : bounds[1]);
  }
}
