package org.egovsuite.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules other parts of the configuration add to a steward's rule file, so a figure configured in
 * one place is checked from that place (an indicator definition's check of its input). Given to the
 * quality stage by the pipeline, which knows the indicators; the quality stage does not.
 */
@FunctionalInterface
public interface GeneratedRules {
  /** The rules to add to {@code dataset}'s rule file. */
  List<Rule> forDataset(String dataset);

  /** The rule file with the generated rules of its dataset after the steward's own. */
  default RuleFile extend(RuleFile rules) {
    List<Rule> out = new ArrayList<>(rules.rules());
    out.addAll(forDataset(rules.dataset()));
    return new RuleFile(rules.path(), rules.dataset(), List.copyOf(out));
  }
}
