package org.egovsuite.indicators.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.Title;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.quality.Rule;

/**
 * What one kind of indicator definition does, in one class: what it reads (the edges of the run's
 * graph and of its quality gate), the tables it computes, how their rows are ordered, the value it
 * ranks by, the meaning of its columns and the quality rules it asks for. Registered in {@link
 * IndicatorKinds}; a definition of an unregistered kind is refused, never run ungated.
 *
 * @param <D> the definition record the kind's YAML {@code type} loads into
 */
public interface IndicatorKind<D extends IndicatorDefinition> {
  Class<D> definitionType();

  /**
   * Datasets and earlier indicators' tables the definition reads. An indicator runs after the
   * indicators it names here and is withheld when a dataset named here fails its quality gate.
   */
  Set<String> inputs(D definition);

  /**
   * The unit table (one row per unit and period).
   *
   * @param sources admitted rows of a dataset, or an indicator table computed earlier, by name
   * @param lookups a grouping lookup CSV by configured path
   */
  Dataset<Row> units(
      D definition, Function<String, Dataset<Row>> sources, Function<String, Dataset<Row>> lookups);

  /** Tables derived from the written unit table, by name; none unless the kind has them. */
  default Map<String, Dataset<Row>> summaries(
      D definition,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return Map.of();
  }

  /**
   * Writes every table of the definition: the unit table, then the summaries of it as written. A
   * kind whose tables come from the same prepared rows (aggregates) writes them its own way.
   */
  default void write(
      D definition,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      TableSink sink) {
    sink.write(definition.name(), units(definition, sources, lookups));
    summaries(definition, sink.read(definition.name()), sources, lookups).forEach(sink::write);
  }

  /**
   * Columns, after the period, to sort a table of the kind's own by (the shared statistics' tables
   * are ordered by {@link IndicatorKinds#order}); empty where the kind has none.
   */
  default List<String> order(D definition, String table) {
    return List.of();
  }

  /** The column the units are ranked by, or empty for kinds that publish measures unranked. */
  default Optional<String> rankedValue(D definition) {
    return Optional.empty();
  }

  /** The parts a composite index is made of, in definition order; none for other kinds. */
  default List<Part> parts(D definition) {
    return List.of();
  }

  /**
   * Adds the meanings of the columns the definition names (dimensions, criteria, measures,
   * covariates) to those of its unit, name and period columns, which it may replace.
   */
  void addColumns(D definition, Map<String, ColumnMeaning> out);

  /** Rules the definition asks the quality stage to add to {@code dataset}'s rule file. */
  default List<Rule> generatedRules(D definition, String dataset) {
    return List.of();
  }

  /**
   * A part of a composite index (a dimension, a sub-index): its column in the unit table and title.
   */
  record Part(String column, Title title) {}

  /** Where a kind's tables go: written to the run's branch, and read back as written. */
  interface TableSink {
    void write(String table, Dataset<Row> rows);

    Dataset<Row> read(String table);
  }
}
