package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.list;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * A cross-column SQL condition holds for at least {@code min} (default 1.0) of the rows (Deequ's
 * Compliance), e.g. {@code abs(egdi - (osi + tii + hci) / 3) <= 1e-4}.
 */
final class ExpressionKind implements RuleKind {
  @Override
  public String name() {
    return "expression";
  }

  @Override
  public Set<String> keys() {
    return Set.of("expression", "min");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireExpression(node.require("expression"), rule.expression());
    node.get("min").ifPresent(min -> context.requireFraction(min, rule.min()));
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    double min = rule.min() == null ? 1.0 : rule.min();
    return RuleKinds.scoped(
        check.satisfies(
            rule.expression(), rule.id(), atLeast(min), none(), list(java.util.List.of()), none()),
        rule);
  }
}
