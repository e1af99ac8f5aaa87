package org.egovsuite.quality;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.stage.RowColumns;

/**
 * Sample rows for every failing rule, whatever its action (warn rules too): a row-level rule's
 * first failing rows with the rule's columns, the dataset's keys and where the row came from; a
 * uniqueness rule's repeated values with how many rows hold each. One small Spark job per failing
 * rule (a limit stops reading once the samples are taken), none when every rule passed.
 */
public final class FailingSamples {
  /** A failing uniqueness rule's count of rows that share their key with another row. */
  record Duplicates(long rows, List<String> samples) {}

  private FailingSamples() {}

  /**
   * @param failing the data marked by every failing row-level rule ({@link RowLevelMarks})
   * @param shown the columns to show beside a rule's own (keys, then provenance)
   */
  static Map<String, List<String>> rowLevel(
      Dataset<Row> failing, List<Rule> rules, List<String> shown, int n) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Set<String> available = Set.of(failing.columns());
    for (Rule rule : rules) {
      Set<String> columns = new LinkedHashSet<>(shown);
      columns.addAll(rule.columns());
      columns.add(RowColumns.SOURCE_FILE);
      columns.add(RowColumns.SOURCE_LINE);
      columns.retainAll(available);
      List<String> rows = new ArrayList<>();
      for (Row row :
          failing
              .where(array_contains(col(RowLevelMarks.FAILED_RULES), rule.id()))
              .select(columns.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))
              .limit(n)
              .collectAsList()) {
        rows.add(fields(row, row.size()));
      }
      if (!rows.isEmpty()) {
        out.put(rule.id(), rows);
      }
    }
    return out;
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
