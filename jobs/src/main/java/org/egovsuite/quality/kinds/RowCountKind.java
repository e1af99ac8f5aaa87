package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.none;
import static org.egovsuite.quality.deequ.DeequAdapter.within;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * The number of rows (in the {@code where} scope) lies in [{@code min}, {@code max}]; Deequ's Size.
 */
final class RowCountKind implements RuleKind {
  @Override
  public String name() {
    return "row_count";
  }

  @Override
  public Set<String> keys() {
    return Set.of("min", "max");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    if (rule.min() == null && rule.max() == null) {
      context.error(node, "a row_count rule needs 'min', 'max' or both");
    }
    if (rule.min() != null && rule.max() != null && rule.min() > rule.max()) {
      context.error(node, "min " + rule.min() + " is greater than max " + rule.max());
    }
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    return RuleKinds.scoped(check.hasSize(within(rule.min(), rule.max()), none()), rule);
  }

  @Override
  public boolean rowLevel() {
    return false;
  }

  @Override
  public double[] metricBounds(Rule rule) {
    return new double[] {
      rule.min() == null ? Double.NaN : rule.min(), rule.max() == null ? Double.NaN : rule.max()
    };
  }

  @Override
  public String threshold(Rule rule) {
    return "rows in ["
        + (rule.min() == null ? "0" : rule.min().longValue())
        + ", "
        + (rule.max() == null ? "+inf" : rule.max().longValue())
        + "]";
  }
}
