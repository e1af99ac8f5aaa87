package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.none;
import static org.egovsuite.quality.deequ.DeequAdapter.seq;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.quality.uniqueness.ExactUniqueness;

/**
 * The combination of {@code columns} identifies a row: Deequ's Uniqueness (share of rows whose key
 * occurs once) is at least {@code min}, default 1.0. A single column over every row takes the
 * cheaper exact plan of {@link ExactUniqueness}, which reports the same metric.
 */
final class UniquenessKind implements RuleKind {
  @Override
  public String name() {
    return "uniqueness";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "min");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumnsAndShare(node, rule);
  }

  @Override
  public Check toCheck(Rule rule) {
    if (ExactUniqueness.applies(rule)) {
      return ExactUniqueness.check(rule);
    }
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    double min = rule.min() == null ? 1.0 : rule.min();
    return RuleKinds.scoped(
        check.hasUniqueness(seq(rule.columns()), atLeast(min), none(), none()), rule);
  }
}
