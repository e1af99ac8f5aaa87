package org.egovsuite.quality.kinds;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;

/**
 * One kind of rule a steward may write: which keys it takes, how it is validated and how it
 * becomes a Deequ check. Registered in {@link RuleKinds}.
 */
public interface RuleKind {
  String name();

  /** Keys this kind accepts beyond the common ones (id, kind, description, severity, owner, where). */
  Set<String> keys();

  /** Adds every problem of the rule to {@code errors}; does not throw. */
  void validate(YamlNode node, Rule rule, RuleContext context);

  Check toCheck(Rule rule);
}
