package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleFile;

/**
 * A steward's rule file with the rules the indicator definitions ask for on its dataset added
 * (each kind says which: {@code IndicatorKind.generatedRules}), so a figure configured in one
 * place is checked from that place. Wiring between two stages, so it lives with the orchestration.
 */
final class GeneratedRules {
  private GeneratedRules() {}

  static RuleFile extend(RuleFile rules, PipelineConfig config) {
    List<Rule> out = new ArrayList<>(rules.rules());
    out.addAll(IndicatorKinds.generatedRules(config, rules.dataset()));
    return new RuleFile(rules.path(), rules.dataset(), List.copyOf(out));
  }
}
