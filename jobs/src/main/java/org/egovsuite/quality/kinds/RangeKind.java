package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.list;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * Every non-null value of each column lies in [{@code min}, {@code max}] (either bound may be left
 * out). Expressed as a compliance condition so the metric is the share of rows in range.
 */
final class RangeKind implements RuleKind {
  @Override
  public String name() {
    return "range";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "min", "max");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumns(node.require("columns"), rule.columns());
    if (rule.min() == null && rule.max() == null) {
      context.error(node, "a range rule needs 'min', 'max' or both");
    }
    if (rule.min() != null && rule.max() != null && rule.min() > rule.max()) {
      context.error(node, "min " + rule.min() + " is greater than max " + rule.max());
    }
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    for (String column : rule.columns()) {
      check =
          RuleKinds.scoped(
              check.satisfies(
                  condition(column, rule),
                  rule.id() + " " + column,
                  atLeast(1.0),
                  none(),
                  list(List.of(column)),
                  none()),
              rule);
    }
    return check;
  }

  static String condition(String column, Rule rule) {
    List<String> bounds = new ArrayList<>();
    if (rule.min() != null) {
      bounds.add(column + " >= " + rule.min());
    }
    if (rule.max() != null) {
      bounds.add(column + " <= " + rule.max());
    }
    return column + " IS NULL OR (" + String.join(" AND ", bounds) + ")";
  }

  /** The metric is the share of rows in range, which must be all of them. */
  @Override
  public double[] metricBounds(Rule rule) {
    return new double[] {1.0, Double.NaN};
  }

  @Override
  public String threshold(Rule rule) {
    return "every value in ["
        + (rule.min() == null ? "-inf" : rule.min())
        + ", "
        + (rule.max() == null ? "+inf" : rule.max())
        + "]";
  }
}
