package org.egovsuite.indicators.kinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.stats.IndicatorStatistics;
import org.egovsuite.indicators.stats.Movers;
import org.egovsuite.quality.Rule;

/**
 * The registry of indicator kinds, by definition type, and the one place the rest of the suite asks
 * a definition what it reads, computes and means. A definition whose type has no kind here is
 * refused with its file: it would otherwise run with no inputs, so with no quality gate.
 */
public final class IndicatorKinds {
  private static final Map<Class<?>, IndicatorKind<?>> KINDS = new ConcurrentHashMap<>();

  static {
    register(new CompositeKind());
    register(new ChecklistKind());
    register(new PerCapitaKind());
    register(new ServiceCatalogueKind());
    register(new AggregateKind());
    register(new NormalisedCompositeKind());
  }

  private IndicatorKinds() {}

  /**
   * Adds a kind (an extension's, a test's); its definitions are then computed and gated like the
   * built-in ones.
   */
  public static void register(IndicatorKind<?> kind) {
    KINDS.put(kind.definitionType(), kind);
  }

  @SuppressWarnings("unchecked") // the registry is keyed by the kind's own definitionType()
  static <D extends IndicatorDefinition> IndicatorKind<D> of(D definition) {
    IndicatorKind<?> kind = KINDS.get(definition.getClass());
    if (kind == null) {
      throw new IllegalStateException(
          definition.file()
              + ": indicator '"
              + definition.name()
              + "' is a "
              + definition.getClass().getName()
              + ", for which no indicator kind is registered (IndicatorKinds.register)");
    }
    return (IndicatorKind<D>) kind;
  }

  public static Set<String> inputs(IndicatorDefinition definition) {
    return java.util.Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(of(definition).inputs(definition)));
  }

  public static Dataset<Row> units(
      IndicatorDefinition definition,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return of(definition).units(definition, sources, lookups);
  }

  public static Map<String, Dataset<Row>> summaries(
      IndicatorDefinition definition,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return of(definition).summaries(definition, units, sources, lookups);
  }

  public static void write(
      IndicatorDefinition definition,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      IndicatorKind.TableSink sink) {
    of(definition).write(definition, sources, lookups, sink);
  }

  /** Columns to sort each table's rows by, so reruns write the same files: the period first. */
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
    } else if (table.endsWith(Movers.SUFFIX)) {
      out.addAll(List.of(Movers.DIRECTION, Movers.POSITION));
    } else {
      out.addAll(of(definition).order(definition, table));
    }
    return out;
  }

  public static Optional<String> rankedValue(IndicatorDefinition definition) {
    return of(definition).rankedValue(definition);
  }

  public static List<IndicatorKind.Part> parts(IndicatorDefinition definition) {
    return of(definition).parts(definition);
  }

  /**
   * Meanings of the columns of the definition's tables: unit, name and period, then the kind's own.
   */
  public static Map<String, ColumnMeaning> columns(IndicatorDefinition definition) {
    Map<String, ColumnMeaning> out = new HashMap<>();
    out.put(
        definition.unit(),
        ColumnMeaning.of("", "code identifying the unit across periods", "单位代码"));
    out.put(
        definition.unitName(),
        ColumnMeaning.of(
            "",
            "the unit's name (standardised when the dataset definition " + "resolves it)",
            "单位名称"));
    out.put(definition.period(), ColumnMeaning.of("year", "period (year) of the figures", "年份"));
    of(definition).addColumns(definition, out);
    return out;
  }

  /**
   * The datasets a definition's tables are computed from, directly or through the earlier
   * indicators' tables it reads, in the order met: what its tables' lineage and publish audit name.
   */
  public static List<String> datasets(PipelineConfig config, IndicatorDefinition definition) {
    Set<String> out = new java.util.LinkedHashSet<>();
    collect(config, definition, out, new java.util.HashSet<>());
    return List.copyOf(out);
  }

  private static void collect(
      PipelineConfig config, IndicatorDefinition definition, Set<String> out, Set<String> seen) {
    if (!seen.add(definition.name())) {
      return;
    }
    for (String input : inputs(definition)) {
      if (config.dataset(input).isPresent()) {
        out.add(input);
      } else {
        config.indicators().stream()
            .filter(d -> d.name().equals(input))
            .findFirst()
            .ifPresent(d -> collect(config, d, out, seen));
      }
    }
  }

  /** The rules every indicator of the pipeline asks to add to {@code dataset}'s rule file. */
  public static List<Rule> generatedRules(PipelineConfig config, String dataset) {
    List<Rule> out = new ArrayList<>();
    config.indicators().forEach(d -> out.addAll(of(d).generatedRules(d, dataset)));
    return List.copyOf(out);
  }
}
