package org.egovsuite.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.egovsuite.stage.RowColumns;

/**
 * Sample rows for every failing rule, whatever its action (warn rules too): a row-level rule's
 * first failing rows with the rule's columns, the dataset's keys and where the row came from; a
 * uniqueness rule's repeated values with how many rows hold each. One Spark job for the row-level
 * rules of a dataset, one per failing uniqueness rule, none when every rule passed.
 */
public final class FailingSamples {
  /** A failing uniqueness rule's count of rows that share their key with another row. */
  record Duplicates(long rows, List<String> samples) {}

  private FailingSamples() {}

  /**
   * The first {@code n} failing rows of each rule, in the data's order: the rows {@code
   * where(rule).limit(n)} takes, for every rule in one Spark job rather than one job per rule (the
   * default run had 24 of them). Each task stops reading its partition once it holds {@code n} rows
   * of every rule, so no row is read twice and common failures stop early.
   *
   * @param failing the data marked by every failing row-level rule ({@link RowLevelMarks})
   * @param shown the columns to show beside a rule's own (keys, then provenance)
   */
  static Map<String, List<String>> rowLevel(
      Dataset<Row> failing, List<Rule> rules, List<String> shown, int n) {
    Set<String> available = Set.of(failing.columns());
    Map<String, List<String>> columnsOf = new LinkedHashMap<>();
    Set<String> selected = new LinkedHashSet<>();
    for (Rule rule : rules) {
      Set<String> columns = new LinkedHashSet<>(shown);
      columns.addAll(rule.columns());
      columns.add(RowColumns.SOURCE_FILE);
      columns.add(RowColumns.SOURCE_LINE);
      columns.retainAll(available);
      columnsOf.put(rule.id(), List.copyOf(columns));
      selected.addAll(columns);
    }
    List<Column> select = new ArrayList<>();
    select.add(col(RowLevelMarks.FAILED_RULES));
    selected.forEach(c -> select.add(col("`" + c + "`")));
    Dataset<Row> marked =
        failing.where(RowLevelMarks.failsAny()).select(select.toArray(Column[]::new));
    List<Row> firstRows =
        marked
            .mapPartitions(
                new FirstPerRule(List.copyOf(columnsOf.keySet()), n), Encoders.row(marked.schema()))
            .collectAsList();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Row row : firstRows) {
      for (String rule : row.<String>getList(0)) {
        List<String> rows = out.computeIfAbsent(rule, k -> new ArrayList<>());
        if (columnsOf.containsKey(rule) && rows.size() < n) {
          rows.add(fields(row, columnsOf.get(rule)));
        }
      }
    }
    out.values().removeIf(List::isEmpty);
    // In rule-file order, as the report lists them.
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    columnsOf.keySet().stream().filter(out::containsKey).forEach(r -> ordered.put(r, out.get(r)));
    return ordered;
  }

  /**
   * Keeps a partition's rows while some rule still lacks {@code n} of them, and stops reading once
   * every rule has its {@code n}: the first rows of each rule in the partition, in order.
   */
  private static final class FirstPerRule implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final List<String> rules;
    private final int n;

    FirstPerRule(List<String> rules, int n) {
      this.rules = rules;
      this.n = n;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Map<String, Integer> taken = new HashMap<>();
      List<Row> kept = new ArrayList<>();
      int complete = 0;
      while (complete < rules.size() && rows.hasNext()) {
        Row row = rows.next();
        boolean wanted = false;
        for (String rule : row.<String>getList(0)) {
          int had = taken.getOrDefault(rule, 0);
          if (had < n && rules.contains(rule)) {
            taken.put(rule, had + 1);
            wanted = true;
            if (had + 1 == n) {
              complete++;
            }
          }
        }
        if (wanted) {
          kept.add(row);
        }
      }
      return kept.iterator();
    }
  }

  /**
   * A failing uniqueness rule has no failing row of its own: its samples are the repeated key
   * values, most repeated first, and the number of rows that share a key (rows whose key columns
   * are all null are left out, as Deequ's uniqueness leaves them out).
   */
  static Duplicates duplicates(Dataset<Row> data, Rule rule, int n) {
    Column[] key = rule.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Column anyKey =
        rule.columns().stream()
            .map(c -> col("`" + c + "`").isNotNull())
            .reduce(Column::or)
            .orElseThrow();
    Dataset<Row> repeated =
        data.where(anyKey).groupBy(key).count().where(col("count").gt(1)).cache();
    try {
      Row total = repeated.agg(sum("count"), count("*")).first();
      List<String> samples = new ArrayList<>();
      for (Row row : repeated.orderBy(col("count").desc()).limit(n).collectAsList()) {
        samples.add(fields(row, row.size() - 1) + " (" + row.getLong(row.size() - 1) + " rows)");
      }
      return new Duplicates(total.isNullAt(0) ? 0 : total.getLong(0), samples);
    } finally {
      repeated.unpersist();
    }
  }

  private static String fields(Row row, List<String> columns) {
    List<String> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(c + "=" + shown(row.get(row.fieldIndex(c))));
    }
    return String.join(", ", fields);
  }

  private static String fields(Row row, int count) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fields.add(row.schema().fields()[i].name() + "=" + shown(row.get(i)));
    }
    return String.join(", ", fields);
  }

  /** A value as a person writes it: lists as [a, b], not Scala's WrappedArray(a, b). */
  public static String shown(Object value) {
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    return String.valueOf(value);
  }
}
