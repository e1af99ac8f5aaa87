package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PerCapitaIndicator;
import org.egovsuite.config.ServiceCatalogueIndicator;
import org.egovsuite.indicators.composite.CatalogueDimensions;
import org.egovsuite.indicators.checklist.ChecklistIndex;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.indicators.economy.PerCapitaTable;
import org.egovsuite.indicators.stats.IndicatorStatistics;

/**
 * The tables of one indicator of {@code conf/indicators/}: its own transform, then the shared
 * statistics engine. Pure: data comes in through the two lookups, tables go out by name.
 */
public final class DefinedIndicator {
  public static final String DIMENSION_MEANS = "_dimension_means";

  private DefinedIndicator() {}

  /** Datasets and indicator tables the definition reads (its quality gate depends on these). */
  public static Set<String> inputs(IndicatorDefinition definition) {
    Set<String> out = new LinkedHashSet<>();
    if (definition instanceof CompositeIndicator c) {
      out.add(c.dataset());
      c.statistics().covariates().forEach(v -> out.add(v.source()));
    } else if (definition instanceof ChecklistIndicator c) {
      c.inputs().forEach(i -> out.add(i.dataset()));
      c.statistics().covariates().forEach(v -> out.add(v.source()));
    } else if (definition instanceof PerCapitaIndicator p) {
      out.add(p.dataset());
    } else if (definition instanceof ServiceCatalogueIndicator s) {
      out.add(s.dataset());
    }
    return out;
  }

  /**
   * The unit table of the definition (one row per unit and period).
   *
   * @param sources admitted rows of a dataset, or an indicator table computed earlier, by name
   * @param lookups a grouping lookup CSV by configured path
   */
  public static Dataset<Row> units(IndicatorDefinition definition, Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    if (definition instanceof CompositeIndicator c) {
      return IndicatorStatistics.units(CompositeIndex.units(sources.apply(c.dataset()), c), c.unit(), c.period(),
          c.composite().column(), c.statistics(), sources, lookups);
    }
    if (definition instanceof ChecklistIndicator c) {
      return IndicatorStatistics.units(ChecklistIndex.units(sources, c), c.unit(), c.period(), value(c),
          c.statistics(), sources, lookups);
    }
    if (definition instanceof ServiceCatalogueIndicator s) {
      return CatalogueDimensions.of(sources.apply(s.dataset()), s);
    }
    PerCapitaIndicator p = (PerCapitaIndicator) definition;
    return PerCapitaTable.of(sources.apply(p.dataset()), p);
  }

  /** The tables derived from the written unit table, by name. */
  public static Map<String, Dataset<Row>> summaries(IndicatorDefinition definition, Dataset<Row> units) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    if (definition instanceof CompositeIndicator c) {
      out.putAll(IndicatorStatistics.summaries(c.name(), units, c.period(), c.composite().column(), c.statistics()));
      out.put(c.name() + DIMENSION_MEANS, CompositeIndex.dimensionMeans(units, c));
    } else if (definition instanceof ChecklistIndicator c) {
      out.putAll(IndicatorStatistics.summaries(c.name(), units, c.period(), value(c), c.statistics()));
    }
    return out;
  }

  private static String value(ChecklistIndicator c) {
    return c.value().equals("index") ? ChecklistIndex.INDEX : ChecklistIndex.SHARE;
  }

  /** Columns to sort each table's rows by, so reruns write the same files. */
  public static List<String> order(IndicatorDefinition definition, String table) {
    List<String> out = new ArrayList<>(List.of(definition.period()));
    if (table.equals(definition.name())) {
      out.add(definition.unit());
    } else if (table.endsWith(IndicatorStatistics.SUMMARY)) {
      out.addAll(List.of("group_kind", "band_order"));
    } else if (table.endsWith(IndicatorStatistics.GROUP_MEANS)) {
      out.addAll(List.of("grouping", "group_value"));
    } else if (table.endsWith(IndicatorStatistics.CORRELATION)) {
      out.add("covariate");
    } else if (table.endsWith(DIMENSION_MEANS)) {
      out.add("dimension");
    }
    return out;
  }
}
