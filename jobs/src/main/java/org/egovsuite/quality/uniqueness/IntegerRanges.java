package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Count, minimum and maximum of the whole-number columns still undecided, in one read of only those
 * columns. These plan the check (pigeonhole, bitmap offsets, and keys already in order: ids and
 * event times usually arrive sorted); they are not reported as metrics. Deequ's Minimum and Maximum
 * could share the verification's scan, but measured here they doubled its time for 19 columns,
 * while this read of a few columns costs a fraction.
 *
 * <p>Whole numbers are integers, dates (days since 1970) and timestamps (microseconds since 1970,
 * counted in whole seconds or milliseconds when every value is one: event times are usually
 * recorded to the second, and a second is a million microseconds, so counting in seconds is what
 * keeps a year of them within a 32-bit offset).
 */
final class IntegerRanges {
  private static final Set<DataType> INTEGERS =
      Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
  private static final long MILLI = 1_000L;
  private static final long SECOND = 1_000_000L;

  /** Rising runs a partition may have and still count as in order. */
  static final int MAX_RUNS = 1_024;

  /** Rows a run has before a jump in value may end it. */
  static final int MIN_RUN_ROWS = 1_024;

  /**
   * The column's {@code count} values lie in min..max, all multiples of {@code unit} away from min;
   * {@code ordered}: the values come in rising runs (a sorted file each, usually) whose ranges do
   * not overlap — then no value occurs twice.
   */
  record Range(long count, long min, long max, long unit, DataType type, boolean ordered) {
    /**
     * How many whole numbers (in units) there are from min to max; Long.MAX_VALUE when more (a
     * column of 64-bit hashes spans most of the longs, and max − min overflows a signed long).
     */
    long span() {
      // max >= min, so the difference is right read as unsigned.
      long units = Long.divideUnsigned(max - min, unit);
      return units < 0 || units == Long.MAX_VALUE ? Long.MAX_VALUE : units + 1;
    }

    String describe() {
      String what =
          !type.equals(DataTypes.TimestampType)
              ? (type.equals(DataTypes.DateType) ? "days" : "integers")
              : unit == SECOND
                  ? "whole seconds"
                  : unit == MILLI ? "whole milliseconds" : "microseconds";
      return String.format(
          "%,d %s between %s and %s", span(), what, render(min, type), render(max, type));
    }
  }

  private IntegerRanges() {}

  static boolean applies(DataType type) {
    return INTEGERS.contains(type)
        || type.equals(DataTypes.DateType)
        || type.equals(DataTypes.TimestampType);
  }

  /** The column as a long: integers as they are, dates in days, timestamps in microseconds. */
  static Column asLong(String column, DataType type) {
    Column c = col("`" + column + "`");
    return type.equals(DataTypes.DateType)
        ? functions.unix_date(c).cast("long")
        : type.equals(DataTypes.TimestampType) ? functions.unix_micros(c) : c.cast("long");
  }

  static String render(long value, DataType type) {
    return type.equals(DataTypes.DateType)
        ? LocalDate.ofEpochDay(value).toString()
        : type.equals(DataTypes.TimestampType)
            ? Instant.ofEpochSecond(
                    Math.floorDiv(value, SECOND), Math.floorMod(value, SECOND) * MILLI)
                .toString()
            : String.format("%,d", value);
  }

  /** Per column its range; columns with no values are left out. */
  static Map<String, Range> of(Dataset<Row> data, List<String> columns) {
    Map<String, Range> out = new LinkedHashMap<>();
    if (columns.isEmpty()) {
      return out;
    }
    int k = columns.size();
    Column[] values =
        columns.stream()
            .map(c -> asLong(c, data.schema().apply(c).dataType()))
            .toArray(Column[]::new);
    List<Part> parts =
        data.select(values)
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(rows -> List.of(Part.of(rows, k)).iterator())
            .collect();
    for (int i = 0; i < k; i++) {
      int column = i;
      List<Part> withValues =
          parts.stream()
              .filter(p -> p.count[column] > 0)
              .sorted(java.util.Comparator.comparingLong(p -> p.min[column]))
              .toList();
      if (withValues.isEmpty()) {
        continue;
      }
      DataType type = data.schema().apply(columns.get(i)).dataType();
      boolean seconds = withValues.stream().allMatch(p -> p.seconds[column]);
      boolean millis = withValues.stream().allMatch(p -> p.millis[column]);
      long unit = !type.equals(DataTypes.TimestampType) ? 1 : seconds ? SECOND : millis ? MILLI : 1;
      boolean ordered =
          withValues.stream().allMatch(p -> p.runs[column] != null)
              && apart(
                  withValues.stream()
                      .flatMap(p -> p.runs[column].stream())
                      .sorted(java.util.Comparator.comparingLong(r -> r[0]))
                      .toList());
      out.put(
          columns.get(i),
          new Range(
              withValues.stream().mapToLong(p -> p.count[column]).sum(),
              withValues.get(0).min[column],
              withValues.stream().mapToLong(p -> p.max[column]).max().getAsLong(),
              unit,
              type,
              ordered));
    }
    return out;
  }

  /** Whether ranges sorted by their start each end before the next starts. */
  private static boolean apart(List<long[]> ranges) {
    for (int j = 1; j < ranges.size(); j++) {
      if (ranges.get(j - 1)[1] >= ranges.get(j)[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * One partition's count, minimum and maximum per column; whether every value is a whole second or
   * millisecond; and its rising runs: stretches of rows whose values only rise, each as {first,
   * last}. A partition can hold several files one after the other (Spark packs files together), and
   * a later file may hold higher values: the run then jumps over other files' ranges, so a run of
   * at least {@link #MIN_RUN_ROWS} rows also ends where the next value jumps further than the whole
   * run has risen so far. Any cut keeps the proof (each run rises, runs apart), and these cuts fall
   * at file boundaries for a key sorted file by file. Past {@link #MAX_RUNS} runs the column is
   * taken as unordered and the runs are dropped.
   */
  private static final class Part implements java.io.Serializable {
    final long[] count;
    final long[] min;
    final long[] max;
    final boolean[] seconds;
    final boolean[] millis;
    final List<long[]>[] runs;
    private final long[] runRows;

    @SuppressWarnings("unchecked")
    private Part(int k) {
      count = new long[k];
      min = new long[k];
      max = new long[k];
      seconds = new boolean[k];
      millis = new boolean[k];
      runs = new List[k];
      runRows = new long[k];
      java.util.Arrays.fill(seconds, true);
      java.util.Arrays.fill(millis, true);
      for (int i = 0; i < k; i++) {
        runs[i] = new java.util.ArrayList<>();
      }
    }

    /** Values a column gathers before they are looked at in one tight loop. */
    private static final int BATCH = 4_096;

    static Part of(Iterator<InternalRow> rows, int k) {
      Part part = new Part(k);
      long[] first = new long[k];
      long[] previous = new long[k];
      long[][] batch = new long[k][BATCH];
      int[] sizes = new int[k];
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        for (int i = 0; i < k; i++) {
          if (!row.isNullAt(i)) {
            batch[i][sizes[i]++] = row.getLong(i);
            if (sizes[i] == BATCH) {
              part.add(i, batch[i], BATCH, first, previous);
              sizes[i] = 0;
            }
          }
        }
      }
      for (int i = 0; i < k; i++) {
        part.add(i, batch[i], sizes[i], first, previous);
        part.endRun(i, first, previous);
      }
      return part;
    }

    /**
     * Adds a column's next values. The state lives in locals for the loop: read from and written to
     * the arrays per value, it made this loop most of the read's time.
     */
    private void add(int i, long[] values, int n, long[] first, long[] previous) {
      if (n == 0) {
        return;
      }
      if (count[i] == 0) {
        min[i] = values[0];
        max[i] = values[0];
        first[i] = values[0];
        previous[i] = values[0];
      }
      long lo = min[i];
      long hi = max[i];
      long start = first[i];
      long last = previous[i];
      long rows = runRows[i];
      boolean wholeMillis = millis[i];
      boolean wholeSeconds = seconds[i];
      for (int j = 0; j < n; j++) {
        long v = values[j];
        // rows > 0: not the partition's first value. Past the first test v > last, so both
        // differences are right read as unsigned, whatever the values.
        if (rows > 0
            && (v <= last
                || rows >= MIN_RUN_ROWS && Long.compareUnsigned(v - last, last - start) > 0)) {
          if (runs[i] != null) {
            runs[i].add(new long[] {start, last});
            if (runs[i].size() > MAX_RUNS) {
              runs[i] = null;
            }
          }
          rows = 0;
          start = v;
        }
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        if (wholeMillis && v % MILLI != 0) {
          wholeMillis = false;
          wholeSeconds = false;
        } else if (wholeSeconds && v % SECOND != 0) {
          wholeSeconds = false;
        }
        last = v;
        rows++;
      }
      min[i] = lo;
      max[i] = hi;
      first[i] = start;
      previous[i] = last;
      runRows[i] = rows;
      millis[i] = wholeMillis;
      seconds[i] = wholeSeconds;
      count[i] += n;
    }

    private void endRun(int i, long[] first, long[] previous) {
      if (runs[i] != null && count[i] > 0) {
        runs[i].add(new long[] {first[i], previous[i]});
        runRows[i] = 0;
        if (runs[i].size() > MAX_RUNS) {
          runs[i] = null;
        }
      }
    }
  }
}
