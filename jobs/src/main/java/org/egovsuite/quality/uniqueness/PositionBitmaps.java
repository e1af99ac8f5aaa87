package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact uniqueness of several columns in one read of those columns and no shuffle of their values.
 * Each value becomes a 64-bit key whose upper half is a 32-bit position: for a column of whole
 * numbers ({@link IntegerRanges}) spanning fewer than 2^31 the key is its offset from the minimum
 * (shifted up), else Spark's 64-bit {@code xxhash64} of the value. Each partition sorts its keys by
 * position, sets their positions in a compressed bitmap (RoaringBitmap, which Spark itself ships)
 * and notes positions it sets twice; the driver merges the partitions' bitmaps ({@link
 * SharedPositions}) and keeps the positions set more than once.
 *
 * <p>No such position: the values are distinct (distinct positions imply distinct values). For an
 * offset, a shared position is a duplicate value. For a hash it may be a collision of the upper
 * halves (about n^2 / 2^33 of them for n values: some fifty thousand for 20M), so the partitions'
 * keys are kept in memory from the first pass (cached by Spark, recomputed from the data if
 * evicted) and the full keys at shared positions are compared: keys that differ are different
 * values. Only equal 64-bit keys (a duplicate, or a collision with odds of about n^2 / 2^65) send
 * the rows with that key back to be grouped by value — a proof of a duplicate, or none.
 *
 * <p>A counted column ({@link Spec#counted}) gets how many of its values occur exactly once, the
 * share Deequ's Uniqueness reports, from the same first pass: a position set once holds one row,
 * whose value no other row has, and the driver's merge counts the positions set at all; only the
 * rows at shared positions (collisions and duplicates) are read again and grouped by value ({@link
 * ValueCounts#grouped}). Deequ groups every value of the column and counts its rows in a job of
 * their own.
 */
public final class PositionBitmaps {
  static final long MAX_SPAN = Integer.MAX_VALUE;

  /** Equal keys looked at first: enough to catch a column with many duplicates. */
  static final int PROBE_KEYS = 16;

  /** Keeps the whole key; tests mask the lower half to reach the comparison of values. */
  static final long WHOLE_KEY = -1L;

  /**
   * How one column maps values to keys: its offset from the minimum of {@code range} (in the
   * range's units), or its hash when there is no range.
   */
  public record Spec(String column, IntegerRanges.Range range, boolean counted) {
    /** A column that needs a verdict only. */
    public Spec(String column, IntegerRanges.Range range) {
      this(column, range, false);
    }

    boolean hashed() {
      return range == null;
    }

    Column value() {
      return col("`" + column + "`");
    }

    /** Null for a null value (Spark's hash of null is its seed, which would collide). */
    Column key(long mask) {
      if (hashed()) {
        return when(value().isNotNull(), xxhash64(value()).bitwiseAND(lit(mask)));
      }
      Column offset = IntegerRanges.asLong(column, range.type()).minus(lit(range.min()));
      // Every offset is a multiple of the unit and below 2^53, so the division is exact.
      return shiftleft(
          range.unit() == 1 ? offset : offset.divide(lit(range.unit())).cast("long"), 32);
    }

    String valueAt(int position) {
      return IntegerRanges.render(
          range.min() + Integer.toUnsignedLong(position) * range.unit(), range.type());
    }
  }

  /**
   * Per column: whether every non-null value occurs once, a duplicate value when not, how many
   * positions more than one row set (for a hashed unique column: the collisions resolved), and for
   * a counted column its counts (null otherwise).
   */
  public record Result(boolean unique, String duplicate, int sharedPositions, ValueCounts counts) {
    Result(boolean unique, String duplicate, int sharedPositions) {
      this(unique, duplicate, sharedPositions, null);
    }
  }

  /** What the driver gets of one partition's first pass: its bitmaps and its non-null values. */
  private record Positions(byte[] bitmaps, long[] values) implements java.io.Serializable {}

  /**
   * One partition's first pass: its positions, and the keys of the hashed columns that need a
   * verdict only, by position, for the second look.
   */
  private record PartitionKeys(Positions positions, long[][] hashedKeys)
      implements java.io.Serializable {}

  private PositionBitmaps() {}

  public static Map<String, Result> check(Dataset<Row> data, List<Spec> specs) {
    return check(data, specs, WHOLE_KEY);
  }

  static Map<String, Result> check(Dataset<Row> data, List<Spec> specs, long mask) {
    Map<String, Result> out = new LinkedHashMap<>();
    if (specs.isEmpty()) {
      return out;
    }
    int k = specs.size();
    Column[] keys = specs.stream().map(s -> s.key(mask).as(s.column())).toArray(Column[]::new);
    boolean[] hashed = new boolean[k];
    boolean anyHashed = false;
    for (int i = 0; i < k; i++) {
      hashed[i] = specs.get(i).hashed() && !specs.get(i).counted();
      anyHashed |= hashed[i];
    }
    // Spark's internal rows: the keys are read as longs where they are, with no conversion of
    // each row to a Java Row. Kept in memory for the second look at the hashed columns.
    JavaRDD<PartitionKeys> partitions =
        data.select(keys)
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(rows -> List.of(partition(rows, hashed)).iterator());
    if (anyHashed) {
      partitions = partitions.persist(StorageLevel.MEMORY_ONLY());
    }
    try {
      List<Positions> first = partitions.map(PartitionKeys::positions).collect();
      SharedPositions.Merged[] merged = sharedPositions(first, k);
      RoaringBitmap[] shared = new RoaringBitmap[k];
      List<Integer> pending = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        Spec spec = specs.get(i);
        shared[i] = merged[i].shared();
        if (spec.counted()) {
          int column = i;
          long values = first.stream().mapToLong(p -> p.values()[column]).sum();
          out.put(spec.column(), counted(data, spec, mask, merged[i], values));
        } else if (shared[i].isEmpty()) {
          out.put(spec.column(), new Result(true, null, 0));
        } else if (!spec.hashed()) {
          out.put(
              spec.column(),
              new Result(false, spec.valueAt(shared[i].first()), shared[i].getCardinality()));
        } else {
          pending.add(i);
        }
      }
      if (!pending.isEmpty()) {
        long[][] equal = equalKeysAtSharedPositions(partitions, hashed, shared);
        for (int i : pending) {
          Spec spec = specs.get(i);
          String duplicate =
              equal[i].length == 0 ? null : duplicateAmong(data, spec, mask, equal[i]);
          out.put(
              spec.column(), new Result(duplicate == null, duplicate, shared[i].getCardinality()));
        }
      }
    } finally {
      partitions.unpersist(false);
    }
    return out;
  }

  /**
   * The driver's merge: positions set by two partitions, or twice by one, and how many are set at
   * all (a position set twice by one partition is among its positions, so it is counted).
   */
  private static SharedPositions.Merged[] sharedPositions(List<Positions> parts, int k) {
    List<RoaringBitmap[]> partBitmaps =
        parts.stream().map(part -> read(part.bitmaps(), 2 * k)).toList();
    SharedPositions.Merged[] merged = new SharedPositions.Merged[k];
    for (int i = 0; i < k; i++) {
      int column = i;
      List<RoaringBitmap> positions = partBitmaps.stream().map(b -> b[2 * column]).toList();
      merged[i] = SharedPositions.merge(positions);
      for (RoaringBitmap[] bitmaps : partBitmaps) {
        merged[i].shared().or(bitmaps[2 * i + 1]);
      }
    }
    return merged;
  }

  /**
   * A counted column's values occurring once: one per position set once (no other row has its
   * value), and, for a hash, those among the rows at shared positions, read again and grouped by
   * value; an offset's shared positions are its repeated values themselves.
   */
  private static Result counted(
      Dataset<Row> data, Spec spec, long mask, SharedPositions.Merged merged, long values) {
    RoaringBitmap shared = merged.shared();
    long once = merged.distinct() - shared.getLongCardinality();
    ValueCounts counts;
    if (shared.isEmpty()) {
      counts = new ValueCounts(values, values, null);
    } else if (!spec.hashed()) {
      counts = new ValueCounts(values, once, spec.valueAt(shared.first()));
    } else {
      try (InPositions.Filter atPositions = InPositions.of(data, shared)) {
        ValueCounts atShared =
            ValueCounts.grouped(
                data.where(atPositions.function().apply(spec.key(mask))), spec.value());
        counts = new ValueCounts(values, once + atShared.once(), atShared.repeated());
      }
    }
    return new Result(counts.once() == values, counts.repeated(), shared.getCardinality(), counts);
  }

  /**
   * Per hashed column, the 64-bit keys that more than one row has among the rows at shared
   * positions: the partitions' cached keys at those positions (about two per position) come to the
   * driver and are compared there.
   */
  private static long[][] equalKeysAtSharedPositions(
      JavaRDD<PartitionKeys> partitions, boolean[] hashed, RoaringBitmap[] shared) {
    int k = hashed.length;
    byte[] positions = write(shared);
    List<long[][]> atShared =
        partitions
            .map(
                p -> {
                  RoaringBitmap[] wanted = read(positions, k);
                  long[][] kept = new long[k][];
                  for (int i = 0, h = 0; i < k; i++) {
                    if (hashed[i]) {
                      kept[i] = keysAt(p.hashedKeys()[h++], wanted[i]);
                    }
                  }
                  return kept;
                })
            .collect();
    long[][] equal = new long[k][];
    for (int i = 0; i < k; i++) {
      int column = i;
      long[] all =
          hashed[i]
              ? atShared.stream()
                  .flatMapToLong(keys -> Arrays.stream(keys[column]))
                  .sorted()
                  .toArray()
              : new long[0];
      equal[i] =
          java.util.stream.IntStream.range(1, all.length)
              .filter(j -> all[j] == all[j - 1])
              .mapToLong(j -> all[j])
              .distinct()
              .toArray();
    }
    return equal;
  }

  /**
   * The keys whose upper half is one of the positions. A key is its position shifted up with the
   * lower half added, so in keys ordered by position a position's keys lie together from the first
   * key at or above {@code position << 32}, compared unsigned; a binary search per position finds
   * them (shared positions are few next to the keys: a look at each key cost more).
   */
  static long[] keysAt(long[] keysByPosition, RoaringBitmap positions) {
    java.util.stream.LongStream.Builder kept = java.util.stream.LongStream.builder();
    positions.forEach(
        (int position) -> {
          int j = firstAtOrAbove(keysByPosition, (long) position << 32);
          for (; j < keysByPosition.length && (int) (keysByPosition[j] >>> 32) == position; j++) {
            kept.add(keysByPosition[j]);
          }
        });
    return kept.build().toArray();
  }

  /**
   * A lower bound: keys are ordered by unsigned upper half only, which orders them against any x <<
   * 32 compared unsigned.
   */
  private static int firstAtOrAbove(long[] keys, long bound) {
    int low = 0;
    int high = keys.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Long.compareUnsigned(keys[mid], bound) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Groups the rows with equal 64-bit keys by value. Equal keys are nearly always a duplicate, so
   * rows at a handful of them usually settle it; otherwise every such key is joined back (a
   * broadcast of the keys) and grouped.
   */
  private static String duplicateAmong(Dataset<Row> data, Spec spec, long mask, long[] equalKeys) {
    Object[] probe = Arrays.stream(equalKeys).limit(PROBE_KEYS).boxed().toArray();
    String found = duplicateAmong(data, spec, mask, col("k").isin(probe));
    if (found == null && equalKeys.length > PROBE_KEYS) {
      Dataset<Row> keys =
          data.sparkSession()
              .createDataset(Arrays.stream(equalKeys).boxed().toList(), Encoders.LONG())
              .toDF("equal_key");
      found =
          duplicateAmong(
              data.join(broadcast(keys), spec.key(mask).equalTo(keys.col("equal_key"))),
              spec,
              mask,
              lit(true));
    }
    return found;
  }

  private static String duplicateAmong(Dataset<Row> data, Spec spec, long mask, Column where) {
    List<Row> duplicate =
        data.select(spec.key(mask).as("k"), spec.value().as("v"))
            .where(col("v").isNotNull().and(where))
            .groupBy("v")
            .count()
            .where(col("count").gt(1))
            .limit(1)
            .collectAsList();
    return duplicate.isEmpty() ? null : String.valueOf(duplicate.get(0).get(0));
  }

  /**
   * For each column: the positions of the partition, then the positions it set twice; and the keys
   * of the hashed columns, ordered by position. The keys are gathered in an array and sorted before
   * the bitmap is built: random inserts into a bitmap cost about eight times a sort of the same
   * values.
   */
  private static PartitionKeys partition(Iterator<InternalRow> rows, boolean[] keep) {
    int k = keep.length;
    long[][] values = new long[k][1 << 16];
    int[] sizes = new int[k];
    while (rows.hasNext()) {
      InternalRow row = rows.next();
      for (int i = 0; i < k; i++) {
        if (!row.isNullAt(i)) {
          if (sizes[i] == values[i].length) {
            values[i] = Arrays.copyOf(values[i], values[i].length * 2);
          }
          values[i][sizes[i]++] = row.getLong(i);
        }
      }
    }
    RoaringBitmap[] bitmaps = new RoaringBitmap[2 * k];
    List<long[]> hashedKeys = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long[] sorted = byPosition(values[i], sizes[i]);
      values[i] = null;
      RoaringBitmap repeats = new RoaringBitmap();
      int[] positions = new int[sorted.length];
      int distinct = 0;
      for (int j = 0; j < sorted.length; j++) {
        int position = (int) (sorted[j] >>> 32);
        if (distinct > 0 && positions[distinct - 1] == position) {
          repeats.add(position);
        } else {
          positions[distinct++] = position;
        }
      }
      bitmaps[2 * i] = RoaringBitmap.bitmapOf(Arrays.copyOf(positions, distinct));
      bitmaps[2 * i + 1] = repeats;
      if (keep[i]) {
        hashedKeys.add(sorted);
      }
    }
    long[] counts = new long[k];
    for (int i = 0; i < k; i++) {
      counts[i] = sizes[i];
    }
    return new PartitionKeys(
        new Positions(write(bitmaps), counts), hashedKeys.toArray(long[][]::new));
  }

  /**
   * The first {@code size} keys ordered by their upper half (the position) as an unsigned int, the
   * order Roaring keeps positions in; keys of one position stay in any order (the driver sorts the
   * few it compares). A radix sort on the upper half only, 16 bits a pass: two passes over the
   * keys. Spark's own {@code RadixSort} takes a byte a pass (four here): 92 ms against 55 ms for
   * 2.5M keys, measured side by side; {@code Arrays.sort} of the whole longs took 160–200 ms.
   */
  static long[] byPosition(long[] keys, int size) {
    long[] from = keys;
    long[] to = new long[size];
    long[] spare = new long[size];
    int[] starts = new int[1 << 16];
    for (int shift = 32; shift < 64; shift += 16) {
      Arrays.fill(starts, 0);
      for (int j = 0; j < size; j++) {
        starts[(int) (from[j] >>> shift) & 0xFFFF]++;
      }
      for (int digit = 0, sum = 0; digit < starts.length; digit++) {
        int count = starts[digit];
        starts[digit] = sum;
        sum += count;
      }
      for (int j = 0; j < size; j++) {
        long key = from[j];
        to[starts[(int) (key >>> shift) & 0xFFFF]++] = key;
      }
      from = to;
      to = spare;
    }
    return from;
  }

  /**
   * The bitmaps one after the other through a ByteBuffer: Roaring's DataOutput path writes each
   * value by itself and cost as much as building the bitmaps.
   */
  static byte[] write(RoaringBitmap[] bitmaps) {
    int size = 0;
    for (RoaringBitmap bitmap : bitmaps) {
      bitmap.runOptimize();
      size += bitmap.serializedSizeInBytes();
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (RoaringBitmap bitmap : bitmaps) {
      int at = buffer.position();
      bitmap.serialize(buffer);
      buffer.position(at + bitmap.serializedSizeInBytes());
    }
    return buffer.array();
  }

  static RoaringBitmap[] read(byte[] bytes, int count) {
    RoaringBitmap[] out = new RoaringBitmap[count];
    int at = 0;
    try {
      for (int i = 0; i < count; i++) {
        out[i] = new RoaringBitmap();
        out[i].deserialize(
            ByteBuffer.wrap(bytes, at, bytes.length - at).slice().order(ByteOrder.LITTLE_ENDIAN));
        at += out[i].serializedSizeInBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
