package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * Each column holds only the listed {@code values} (nulls allowed) in at least {@code min} (default
 * 1.0) of the rows, e.g. a checklist criterion in {0, 1}; Deequ's isContainedIn.
 */
final class AllowedValuesKind implements RuleKind {
  @Override
  public String name() {
    return "allowed_values";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "values", "min");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumnsAndShare(node, rule);
    if (rule.values().isEmpty()) {
      context.error(node.require("values"), "list at least one allowed value");
    }
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    double min = rule.min() == null ? 1.0 : rule.min();
    String[] values = rule.values().toArray(String[]::new);
    for (String column : rule.columns()) {
      check =
          RuleKinds.scoped(check.isContainedIn(column, values, atLeast(min), none(), none()), rule);
    }
    return check;
  }
}
