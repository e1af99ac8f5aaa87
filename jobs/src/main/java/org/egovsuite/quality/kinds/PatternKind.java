package org.egovsuite.quality.kinds;

import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.none;
import static org.egovsuite.quality.deequ.DeequAdapter.regex;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * Non-null values of each column match {@code expression} (a regular expression, e.g. {@code
 * ^\d{6}$} for a division code) in at least {@code min} (default 1.0) of the rows; Deequ's
 * PatternMatch. Nulls are a completeness rule's business, so they are left out.
 */
final class PatternKind implements RuleKind {
  @Override
  public String name() {
    return "pattern";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "expression", "min");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumnsAndShare(node, rule);
    context.requireRegex(node.require("expression"), rule.expression());
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    double min = rule.min() == null ? 1.0 : rule.min();
    for (String column : rule.columns()) {
      String scope =
          column + " IS NOT NULL" + rule.whereClause().map(w -> " AND (" + w + ")").orElse("");
      check =
          check
              .hasPattern(column, regex(rule.expression()), atLeast(min), none(), none(), none())
              .where(scope);
    }
    return check;
  }
}
