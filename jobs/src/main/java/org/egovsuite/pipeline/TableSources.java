package org.egovsuite.pipeline;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.DefinedIndicator;
import org.egovsuite.indicators.dictionary.DataDictionary;

/** What a published table is computed from and what it is called, from the configuration. */
final class TableSources {
  private TableSources() {}

  /** The datasets a table is computed from, directly or through the indicator tables it reads. */
  static Set<String> datasets(PipelineConfig config, String table) {
    Set<String> out = new LinkedHashSet<>();
    if (config.egdi() != null && (table.equals(IndicatorStage.EGDI_COUNTRY) || table.equals(IndicatorStage.EGDI_SUMMARY))) {
      out.add(config.egdi().dataset());
    }
    owner(config, table).ifPresent(d -> collect(config, d, out, new LinkedHashSet<>()));
    return out;
  }

  static String title(PipelineConfig config, String table) {
    if (table.equals(IndicatorStage.EGDI_COUNTRY) || table.equals(IndicatorStage.EGDI_SUMMARY)) {
      return "UN E-Government Development Index (EGDI) " + (table.equals(IndicatorStage.EGDI_COUNTRY)
          ? "by country and survey" : "groups by survey") + " / 联合国电子政务发展指数";
    }
    if (table.equals(DataDictionary.TABLE)) {
      return "Data dictionary of the published tables / 数据字典";
    }
    return owner(config, table).map(d -> d.title().en() + " / " + d.title().zh()
        + (table.equals(d.name()) ? "" : " — " + table.substring(d.name().length() + 1).replace('_', ' ')))
        .orElse(null);
  }

  /** The definition whose tables are named after it (the longest matching name wins). */
  private static Optional<IndicatorDefinition> owner(PipelineConfig config, String table) {
    return config.indicators().stream()
        .filter(d -> table.equals(d.name()) || table.startsWith(d.name() + "_"))
        .max(Comparator.comparingInt(d -> d.name().length()));
  }

  private static void collect(PipelineConfig config, IndicatorDefinition definition, Set<String> out,
      Set<String> seen) {
    if (!seen.add(definition.name())) {
      return;
    }
    for (String input : DefinedIndicator.inputs(definition)) {
      if (config.dataset(input).isPresent()) {
        out.add(input);
      } else {
        config.indicators().stream().filter(d -> d.name().equals(input)).findFirst()
            .ifPresent(d -> collect(config, d, out, seen));
      }
    }
  }
}
