package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/** Share of non-null values in each column is at least {@code min} (default 1.0). */
final class CompletenessKind implements RuleKind {
  @Override
  public String name() {
    return "completeness";
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
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    double min = rule.min() == null ? 1.0 : rule.min();
    for (String column : rule.columns()) {
      check = RuleKinds.scoped(check.hasCompleteness(column, atLeast(min), none(), none()), rule);
    }
    return check;
  }
}
