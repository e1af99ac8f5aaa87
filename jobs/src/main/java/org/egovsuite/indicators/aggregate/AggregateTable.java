package org.egovsuite.indicators.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.egovsuite.config.AggregateIndicator;

/**
 * The tables of an {@link AggregateIndicator}: the rows are filtered, deduplicated, joined to their
 * lookups and given their derived columns, then grouped by unit and period (and by each breakdown)
 * into the configured measures.
 */
public final class AggregateTable {
  private static final String ROW_NUMBER = "_row_in_key";

  private AggregateTable() {}

  /**
   * @param sources datasets and earlier indicator tables by name
   * @param lookups CSV files by configured path
   */
  public static Dataset<Row> units(
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      AggregateIndicator definition) {
    return units(prepared(sources, lookups, definition), definition);
  }

  /**
   * Every table of the definition, handed to {@code sink} by name: the unit table, then the
   * breakdowns, all grouped from one preparation of the rows. With breakdowns the prepared rows
   * (filtered, deduplicated — a sort of the whole input — and joined) are kept in memory or on
   * local disk while the tables are written, instead of being prepared again for each table.
   */
  public static void writeAll(
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      AggregateIndicator definition,
      java.util.function.BiConsumer<String, Dataset<Row>> sink) {
    Dataset<Row> rows = prepared(sources, lookups, definition);
    boolean reused = !definition.breakdowns().isEmpty();
    if (reused) {
      rows = rows.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    }
    try {
      sink.accept(definition.name(), units(rows, definition));
      for (AggregateIndicator.Breakdown b : definition.breakdowns()) {
        sink.accept(b.table(definition.name()), breakdown(rows, definition, b));
      }
    } finally {
      if (reused) {
        rows.unpersist();
      }
    }
  }

  private static Dataset<Row> units(Dataset<Row> rows, AggregateIndicator definition) {
    List<Column> aggregates = new ArrayList<>();
    if (!definition.unitName().equals(definition.unit())) {
      // Names vary in spelling within a unit (杭州 / 杭州市); one per unit, the same on every run.
      aggregates.add(min(col(definition.unitName())).as(definition.unitName()));
    }
    definition.measures().forEach(m -> aggregates.add(expr(m.sql()).as(m.column())));
    return rows.groupBy(col(definition.unit()), col(definition.period()))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  /** The breakdown tables by name; computed from the same prepared rows as the unit table. */
  public static Map<String, Dataset<Row>> breakdowns(
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      AggregateIndicator definition) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    if (definition.breakdowns().isEmpty()) {
      return out;
    }
    Dataset<Row> rows = prepared(sources, lookups, definition);
    for (AggregateIndicator.Breakdown b : definition.breakdowns()) {
      out.put(b.table(definition.name()), breakdown(rows, definition, b));
    }
    return out;
  }

  private static Dataset<Row> breakdown(
      Dataset<Row> rows, AggregateIndicator definition, AggregateIndicator.Breakdown b) {
    List<Column> by = new ArrayList<>(List.of(col(definition.period())));
    b.by().forEach(c -> by.add(col(c)));
    List<Column> aggregates =
        definition.measuresOf(b).stream().map(m -> expr(m.sql()).as(m.column())).toList();
    return rows.groupBy(by.toArray(Column[]::new))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  static Dataset<Row> prepared(
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      AggregateIndicator definition) {
    Dataset<Row> rows = sources.apply(definition.dataset());
    if (definition.whereCondition().isPresent()) {
      rows = rows.where(expr(definition.whereCondition().get()));
    }
    if (!definition.deduplicate().isEmpty()) {
      rows = firstPerKey(rows, definition.deduplicate());
    }
    for (AggregateIndicator.Join join : definition.joins()) {
      rows =
          join(
              rows,
              join,
              join.source() != null ? sources.apply(join.source()) : lookups.apply(join.lookup()));
    }
    // After the joins, so a derived column may use what they brought (a population to interpolate).
    for (Map.Entry<String, String> d : definition.derive().entrySet()) {
      rows = rows.withColumn(d.getKey(), expr(d.getValue()));
    }
    return rows;
  }

  /**
   * The first row of each key, by source file and line when the rows carry their provenance, so the
   * copy kept is the same on every run (Spark's dropDuplicates keeps an arbitrary one).
   */
  private static Dataset<Row> firstPerKey(Dataset<Row> rows, List<String> keys) {
    Set<String> columns = Set.of(rows.columns());
    List<Column> order = new ArrayList<>();
    for (String c : List.of("source_file", "source_line")) {
      if (columns.contains(c)) {
        order.add(col(c));
      }
    }
    if (order.isEmpty()) {
      return rows.dropDuplicates(keys.toArray(String[]::new));
    }
    return rows.withColumn(
            ROW_NUMBER,
            row_number()
                .over(
                    Window.partitionBy(
                            keys.stream()
                                .map(org.apache.spark.sql.functions::col)
                                .toArray(Column[]::new))
                        .orderBy(order.toArray(Column[]::new))))
        .where(col(ROW_NUMBER).equalTo(1))
        .drop(ROW_NUMBER);
  }

  /** Left join of a lookup holding at most one row per key (more is refused with the key). */
  private static Dataset<Row> join(
      Dataset<Row> rows, AggregateIndicator.Join join, Dataset<Row> source) {
    List<Column> selected = new ArrayList<>();
    join.on().forEach(k -> selected.add(col(k).cast(rows.schema().apply(k).dataType()).as(k)));
    join.columns().forEach(c -> selected.add(col(c)));
    Dataset<Row> lookup = source.select(selected.toArray(Column[]::new));
    Column[] keys =
        join.on().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    List<Row> repeated =
        lookup
            .where(col(join.on().get(0)).isNotNull())
            .groupBy(keys)
            .count()
            .where(col("count").gt(1))
            .limit(1)
            .collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalStateException(
          "join of "
              + join.describe()
              + " on "
              + join.on()
              + ": "
              + repeated.get(0).getLong(repeated.get(0).size() - 1)
              + " rows for "
              + repeated.get(0)
              + "; expected at most one");
    }
    return org.egovsuite.spark.Joins.left(
        rows, org.apache.spark.sql.functions.broadcast(lookup), join.on());
  }
}
