package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.quality.Action;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.Severity;

/**
 * Rules the quality stage adds to a steward's rule file because an indicator definition asks
 * for them, so a figure configured in one place is checked from that place: a composite index
 * whose input supplies a (published) composite gets {@code composite_matches_weights}, an
 * error rule that the supplied value is within the tolerance of Σ weight × dimension. An
 * authoritative composite is not checked (the definition says to trust it).
 */
final class GeneratedRules {
  static final String COMPOSITE_MATCHES_WEIGHTS = "composite_matches_weights";

  private GeneratedRules() {}

  static RuleFile extend(RuleFile rules, PipelineConfig config) {
    List<Rule> out = new ArrayList<>(rules.rules());
    for (IndicatorDefinition definition : config.indicators()) {
      if (definition instanceof CompositeIndicator c && c.dataset().equals(rules.dataset())
          && c.composite().suppliedColumn().isPresent() && !c.composite().authoritative()) {
        out.add(compositeRule(c));
      }
    }
    return new RuleFile(rules.path(), rules.dataset(), List.copyOf(out));
  }

  private static Rule compositeRule(CompositeIndicator c) {
    String supplied = c.composite().supplied();
    String expression = String.format(Locale.ROOT, "abs(%s - (%s)) <= %s", supplied, CompositeIndex.weightedSql(c),
        Double.toString(c.composite().tolerance()));
    List<String> columns = new ArrayList<>(List.of(supplied));
    c.dimensions().forEach(d -> columns.add(d.column()));
    return new Rule(COMPOSITE_MATCHES_WEIGHTS, "expression",
        "supplied " + supplied + " equals the weighted dimensions of " + c.name() + " within " + c.composite().tolerance(),
        Severity.ERROR, Action.FAIL, "indicator definition", List.copyOf(columns), null, null, expression,
        supplied + " IS NOT NULL", null, null, null, null, null, c.file() + " (generated)");
  }
}
