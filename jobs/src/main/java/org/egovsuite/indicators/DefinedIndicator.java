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
import org.egovsuite.config.AggregateIndicator;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.NormalisedCompositeIndicator;
import org.egovsuite.config.PerCapitaIndicator;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.ServiceCatalogueIndicator;
import org.egovsuite.indicators.composite.CatalogueDimensions;
import org.egovsuite.indicators.checklist.ChecklistIndex;
import org.egovsuite.indicators.aggregate.AggregateTable;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.indicators.composite.NormalisedComposite;
import org.egovsuite.indicators.economy.PerCapitaTable;
import org.egovsuite.indicators.stats.IndicatorStatistics;
import org.egovsuite.indicators.stats.Movers;

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
    } else if (definition instanceof AggregateIndicator a) {
      out.add(a.dataset());
      a.joins().stream().filter(j -> j.source() != null).forEach(j -> out.add(j.source()));
    } else if (definition instanceof NormalisedCompositeIndicator n) {
      n.subIndices().forEach(x -> x.indicators().forEach(i -> out.add(i.source())));
      n.statistics().covariates().forEach(v -> out.add(v.source()));
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
    if (definition instanceof AggregateIndicator a) {
      return AggregateTable.units(sources, lookups, a);
    }
    if (definition instanceof NormalisedCompositeIndicator n) {
      return IndicatorStatistics.units(NormalisedComposite.units(n, sources, lookups), n.unit(), n.period(),
          n.column(), n.statistics(), sources, lookups);
    }
    PerCapitaIndicator p = (PerCapitaIndicator) definition;
    return PerCapitaTable.of(sources.apply(p.dataset()), p);
  }

  /**
   * The tables derived from the written unit table, by name.
   *
   * @param sources as for {@link #units} (an aggregate's breakdowns group the input rows again)
   * @param lookups as for {@link #units}
   */
  public static Map<String, Dataset<Row>> summaries(IndicatorDefinition definition, Dataset<Row> units,
      Function<String, Dataset<Row>> sources, Function<String, Dataset<Row>> lookups) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    if (definition instanceof CompositeIndicator c) {
      out.putAll(statistics(c, units, c.composite().column(), c.statistics()));
      out.put(c.name() + DIMENSION_MEANS, CompositeIndex.dimensionMeans(units, c));
    } else if (definition instanceof ChecklistIndicator c) {
      out.putAll(statistics(c, units, value(c), c.statistics()));
    } else if (definition instanceof NormalisedCompositeIndicator n) {
      out.putAll(statistics(n, units, n.column(), n.statistics()));
    } else if (definition instanceof AggregateIndicator a) {
      out.putAll(AggregateTable.breakdowns(sources, lookups, a));
    }
    return out;
  }

  private static Map<String, Dataset<Row>> statistics(IndicatorDefinition d, Dataset<Row> units, String value,
      StatisticsConfig config) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>(
        IndicatorStatistics.summaries(d.name(), units, d.period(), value, config));
    if (config.movers() > 0) {
      out.put(d.name() + Movers.SUFFIX, Movers.of(units, d.unit(), d.unitName(), d.period(), value, config.movers()));
    }
    return out;
  }

  /**
   * The column a definition ranks its units by (the statistics engine's value), or empty for
   * kinds that publish measures without a ranking (aggregates, per-capita tables, catalogues).
   */
  public static java.util.Optional<String> rankedValue(IndicatorDefinition definition) {
    if (definition instanceof CompositeIndicator c) {
      return java.util.Optional.of(c.composite().column());
    } else if (definition instanceof ChecklistIndicator c) {
      return java.util.Optional.of(value(c));
    } else if (definition instanceof NormalisedCompositeIndicator n) {
      return java.util.Optional.of(n.column());
    }
    return java.util.Optional.empty();
  }

  /** A part of a composite index (a dimension, a sub-index): its column in the unit table and title. */
  public record Part(String column, org.egovsuite.config.Title title) {}

  /** The parts a composite index is made of, in definition order; empty for other kinds. */
  public static List<Part> parts(IndicatorDefinition definition) {
    if (definition instanceof CompositeIndicator c) {
      return c.dimensions().stream().map(d -> new Part(d.column(), d.title())).toList();
    } else if (definition instanceof NormalisedCompositeIndicator n) {
      return n.subIndices().stream().map(x -> new Part(x.name(), x.title())).toList();
    }
    return List.of();
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
    } else if (table.endsWith(Movers.SUFFIX)) {
      out.addAll(List.of(Movers.DIRECTION, Movers.POSITION));
    } else if (definition instanceof AggregateIndicator a) {
      a.breakdowns().stream().filter(b -> b.table(a.name()).equals(table)).findFirst()
          .ifPresent(b -> out.addAll(b.by()));
    }
    return out;
  }
}
