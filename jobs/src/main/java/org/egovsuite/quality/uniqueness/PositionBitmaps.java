package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.hash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact uniqueness of several columns in one read of those columns and no shuffle of their
 * values. Each value becomes a 32-bit position: its offset from the minimum for an integer
 * column spanning fewer than 2^31 integers, else its 32-bit hash (Spark's Murmur3 {@code hash}). Each
 * partition sets its positions in a compressed bitmap (RoaringBitmap, which Spark itself ships)
 * and notes positions it sets twice; the driver ORs the partitions' bitmaps and keeps the
 * positions set more than once.
 *
 * <p>No such position: the values are distinct (distinct positions imply distinct values). For an
 * offset, a shared position is a duplicate value. For a hash it may be a collision (about
 * n^2 / 2^33 of them for n values: some fifty thousand for 20M), so only the rows at shared
 * positions are read again and grouped by value: a duplicate among them is a proof, none means
 * the column is unique.
 */
public final class PositionBitmaps {
  static final long MAX_SPAN = Integer.MAX_VALUE;
  /** Shared hash positions looked at first: enough to catch a column with many duplicates. */
  static final int PROBE_POSITIONS = 16;
  /** Hashed columns with at most this many shared positions are settled together in one read. */
  static final int BATCH_POSITIONS = 500_000;

  /** How one column maps values to positions: offset from {@code min}, or hash when min is null. */
  public record Spec(String column, Long min) {
    boolean hashed() {
      return min == null;
    }

    Column position() {
      Column c = col("`" + column + "`");
      return hashed() ? hash(c) : c.cast("long").minus(lit(min)).cast("int");
    }
  }

  /**
   * Per column: whether every non-null value occurs once, a duplicate value when not, and how
   * many positions more than one row set (for a hashed unique column: the collisions resolved).
   */
  public record Result(boolean unique, String duplicate, int sharedPositions) {}

  private PositionBitmaps() {}

  public static Map<String, Result> check(Dataset<Row> data, List<Spec> specs) {
    Map<String, Result> out = new LinkedHashMap<>();
    if (specs.isEmpty()) {
      return out;
    }
    int k = specs.size();
    Column[] positions = specs.stream().map(s -> s.position().as(s.column())).toArray(Column[]::new);
    // Spark's internal rows: the positions are read as ints where they are, with no conversion
    // of each row to a Java Row.
    List<byte[]> parts = data.select(positions).queryExecution().toRdd().toJavaRDD()
        .mapPartitions(rows -> List.of(partition(rows, k)).iterator()).collect();
    RoaringBitmap[] union = new RoaringBitmap[k];
    RoaringBitmap[] shared = new RoaringBitmap[k];
    for (int i = 0; i < k; i++) {
      union[i] = new RoaringBitmap();
      shared[i] = new RoaringBitmap();
    }
    List<RoaringBitmap[]> partBitmaps = parts.stream().map(part -> read(part, 2 * k)).toList();
    // Columns merge independently, so the driver merges them side by side.
    java.util.stream.IntStream.range(0, k).parallel().forEach(i -> {
      for (RoaringBitmap[] bitmaps : partBitmaps) {
        shared[i].or(RoaringBitmap.and(union[i], bitmaps[2 * i]));
        shared[i].or(bitmaps[2 * i + 1]);
        union[i].or(bitmaps[2 * i]);
      }
    });
    List<Spec> batch = new ArrayList<>();
    List<RoaringBitmap> batchShared = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Spec spec = specs.get(i);
      if (shared[i].isEmpty()) {
        out.put(spec.column(), new Result(true, null, 0));
      } else if (!spec.hashed()) {
        out.put(spec.column(), new Result(false, String.valueOf(spec.min() + shared[i].first()), shared[i].getCardinality()));
      } else if (shared[i].getCardinality() <= BATCH_POSITIONS) {
        batch.add(spec);
        batchShared.add(shared[i]);
      } else {
        out.put(spec.column(), atSharedPositions(data, spec, shared[i]));
      }
    }
    out.putAll(atSharedPositions(data, batch, batchShared));
    return out;
  }

  /**
   * The usual case, hash collisions among distinct values: one read of the batched columns
   * brings the rows at shared positions (about two per position) to the driver, where a
   * duplicate value is looked for.
   */
  private static Map<String, Result> atSharedPositions(Dataset<Row> data, List<Spec> specs, List<RoaringBitmap> shared) {
    Map<String, Result> out = new LinkedHashMap<>();
    if (specs.isEmpty()) {
      return out;
    }
    int k = specs.size();
    byte[] bitmaps = write(shared.toArray(RoaringBitmap[]::new));
    List<Column> columns = new ArrayList<>();
    specs.forEach(s -> columns.add(s.position()));
    specs.forEach(s -> columns.add(col("`" + s.column() + "`")));
    Dataset<Row> selected = data.select(columns.toArray(Column[]::new));
    DataType[] types = Arrays.stream(selected.schema().fields()).skip(k).map(f -> f.dataType()).toArray(DataType[]::new);
    // Values stay in Spark's internal form (equal values, equal forms) and only the rows at
    // shared positions are turned into strings.
    List<String[]> candidates = selected.queryExecution().toRdd().toJavaRDD()
        .mapPartitions(rows -> {
          RoaringBitmap[] positions = read(bitmaps, k);
          List<String[]> kept = new ArrayList<>();
          while (rows.hasNext()) {
            InternalRow row = rows.next();
            for (int i = 0; i < k; i++) {
              if (!row.isNullAt(i) && positions[i].contains(row.getInt(i)) && !row.isNullAt(k + i)) {
                kept.add(new String[] {String.valueOf(i), String.valueOf(row.get(k + i, types[i]))});
              }
            }
          }
          return kept.iterator();
        }).collect();
    List<java.util.Set<String>> seen = new ArrayList<>();
    String[] duplicate = new String[k];
    for (int i = 0; i < k; i++) {
      seen.add(new java.util.HashSet<>());
    }
    for (String[] c : candidates) {
      int i = Integer.parseInt(c[0]);
      if (duplicate[i] == null && !seen.get(i).add(c[1])) {
        duplicate[i] = c[1];
      }
    }
    for (int i = 0; i < k; i++) {
      out.put(specs.get(i).column(), new Result(duplicate[i] == null, duplicate[i], shared.get(i).getCardinality()));
    }
    return out;
  }

  /**
   * Groups the rows whose hash position is shared by value. A column with many duplicates has
   * many shared positions, and rows at a handful of them settle it; otherwise every shared
   * position is joined back (a broadcast of some ten thousand ints) and grouped.
   */
  private static Result atSharedPositions(Dataset<Row> data, Spec spec, RoaringBitmap shared) {
    int count = shared.getCardinality();
    Object[] probe = Arrays.stream(shared.toArray()).limit(PROBE_POSITIONS).boxed().toArray();
    String found = duplicateAmong(data, spec, col("p").isin(probe));
    if (found == null && count > PROBE_POSITIONS) {
      Dataset<Row> positions = data.sparkSession()
          .createDataset(Arrays.stream(shared.toArray()).boxed().toList(), Encoders.INT()).toDF("shared");
      found = duplicateAmong(data.join(broadcast(positions), spec.position().equalTo(positions.col("shared"))), spec,
          lit(true));
    }
    return found == null ? new Result(true, null, count) : new Result(false, found, count);
  }

  private static String duplicateAmong(Dataset<Row> data, Spec spec, Column where) {
    List<Row> duplicate = data.select(spec.position().as("p"), col("`" + spec.column() + "`").as("v"))
        .where(col("v").isNotNull().and(where))
        .groupBy("v").count().where(col("count").gt(1)).limit(1).collectAsList();
    return duplicate.isEmpty() ? null : String.valueOf(duplicate.get(0).get(0));
  }

  /**
   * For each column: the positions of the partition, then the positions it set twice. The
   * positions are gathered in an array and sorted before the bitmap is built: random inserts
   * into a bitmap cost about eight times a sort of the same values.
   */
  private static byte[] partition(Iterator<InternalRow> rows, int k) {
    int[][] values = new int[k][1 << 16];
    int[] sizes = new int[k];
    while (rows.hasNext()) {
      InternalRow row = rows.next();
      for (int i = 0; i < k; i++) {
        if (!row.isNullAt(i)) {
          if (sizes[i] == values[i].length) {
            values[i] = Arrays.copyOf(values[i], values[i].length * 2);
          }
          values[i][sizes[i]++] = row.getInt(i);
        }
      }
    }
    RoaringBitmap[] bitmaps = new RoaringBitmap[2 * k];
    for (int i = 0; i < k; i++) {
      int[] sorted = Arrays.copyOf(values[i], sizes[i]);
      values[i] = null;
      Arrays.sort(sorted);
      RoaringBitmap repeats = new RoaringBitmap();
      int distinct = 0;
      for (int j = 0; j < sorted.length; j++) {
        if (j > 0 && sorted[j] == sorted[j - 1]) {
          repeats.add(sorted[j]);
        } else {
          sorted[distinct++] = sorted[j];
        }
      }
      bitmaps[2 * i] = RoaringBitmap.bitmapOf(unsignedOrder(sorted, distinct));
      bitmaps[2 * i + 1] = repeats;
    }
    return write(bitmaps);
  }

  /** Signed-sorted ints in the unsigned order Roaring keeps: non-negative ones first. */
  private static int[] unsignedOrder(int[] sorted, int length) {
    int negatives = 0;
    while (negatives < length && sorted[negatives] < 0) {
      negatives++;
    }
    int[] out = new int[length];
    System.arraycopy(sorted, negatives, out, 0, length - negatives);
    System.arraycopy(sorted, 0, out, length - negatives, negatives);
    return out;
  }

  private static byte[] write(RoaringBitmap[] bitmaps) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (RoaringBitmap bitmap : bitmaps) {
        bitmap.runOptimize();
        bitmap.serialize(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static RoaringBitmap[] read(byte[] bytes, int count) {
    RoaringBitmap[] out = new RoaringBitmap[count];
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      for (int i = 0; i < count; i++) {
        out[i] = new RoaringBitmap();
        out[i].deserialize(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
