package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Looks for a real duplicate in columns that could be unique, among the first rows of every
 * partition (the scan stops reading a file split once its rows are taken, so this reads a small
 * part of the data). A duplicate found is a proof that the column is not unique; finding none
 * proves nothing, and the caller then checks the column exactly. For a column with d distinct
 * values, k sampled rows hold about k^2 / 2d pairs, and taking heads from every partition catches
 * values that repeat across the data even when each file is sorted.
 */
final class DuplicateSearch {
  /** A value seen twice in the heads of the partitions. */
  record Duplicate(String value) {}

  /**
   * @param duplicates the columns with a duplicate found, and the value
   * @param everyRow whether the heads held every row of the data (each partition ended before its
   *     head was full): then a column without a duplicate is unique, and no further check is needed
   * @param columns the columns searched
   * @param rows the rows of the heads as texts, kept when they are every row (empty otherwise)
   */
  record Heads(
      Map<String, Duplicate> duplicates,
      boolean everyRow,
      List<String> columns,
      List<String[]> rows) {

    /** A column's counts when the heads hold every row: exact, with no further read. */
    ValueCounts counts(String column) {
      if (!everyRow) {
        throw new IllegalStateException("the heads do not hold every row");
      }
      int i = columns.indexOf(column);
      return ValueCounts.of(rows.stream().map(row -> row[i]).toList());
    }
  }

  /** The first rows of one partition, and whether they are all its rows. */
  private record Head(List<String[]> rows, boolean whole) implements java.io.Serializable {}

  private DuplicateSearch() {}

  static Heads find(Dataset<Row> data, List<String> columns, int rows) {
    if (columns.isEmpty()) {
      return new Heads(Map.of(), false, columns, List.of());
    }
    int k = columns.size();
    int perPartition = Math.max(1_000, rows / Math.max(1, data.rdd().getNumPartitions()));
    Column[] strings =
        columns.stream().map(c -> col("`" + c + "`").cast("string")).toArray(Column[]::new);
    List<Head> parts =
        data.select(strings)
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(it -> List.of(head(it, k, perPartition)).iterator())
            .collect();
    List<String[]> heads = parts.stream().flatMap(h -> h.rows().stream()).toList();
    Map<String, Duplicate> out = new HashMap<>();
    for (int i = 0; i < k; i++) {
      Set<String> seen = new HashSet<>();
      for (String[] row : heads) {
        if (row[i] != null && !seen.add(row[i])) {
          out.put(columns.get(i), new Duplicate(row[i]));
          break;
        }
      }
    }
    boolean everyRow = parts.stream().allMatch(Head::whole);
    return new Heads(out, everyRow, List.copyOf(columns), everyRow ? heads : List.of());
  }

  private static Head head(Iterator<InternalRow> rows, int k, int n) {
    List<String[]> out = new ArrayList<>();
    while (rows.hasNext() && out.size() < n) {
      InternalRow row = rows.next();
      String[] values = new String[k];
      for (int i = 0; i < k; i++) {
        values[i] = row.isNullAt(i) ? null : row.getUTF8String(i).toString();
      }
      out.add(values);
    }
    return new Head(out, !rows.hasNext());
  }
}
