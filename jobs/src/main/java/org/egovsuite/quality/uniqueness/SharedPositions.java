package org.egovsuite.quality.uniqueness;

import java.util.List;
import java.util.stream.IntStream;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The positions set in more than one of several bitmaps (the partitions' positions of one column).
 * Roaring has unions and intersections but no "in two or more": built from them (the union so far
 * AND the next bitmap, for every bitmap) it allocated a new bitmap per partition and took 1.3 s of
 * the driver's time for 20M hashed values. Here the 32-bit position space is cut into blocks of
 * 2^16 (Roaring's own containers); a block's positions from every bitmap are marked in one 8 KB bit
 * set, and a position met while already marked is shared. Slices of blocks are merged side by side.
 * The positions marked at all are counted on the way: the size of the union, which a count of
 * values occurring once needs, without building the union.
 */
final class SharedPositions {
  private static final int BLOCKS = 1 << 16;
  private static final int SLICES = 64;

  /** The positions set more than once, and how many positions are set at all. */
  record Merged(RoaringBitmap shared, long distinct) {}

  private SharedPositions() {}

  static Merged merge(List<RoaringBitmap> bitmaps) {
    if (bitmaps.size() < 2) {
      return new Merged(
          new RoaringBitmap(), bitmaps.isEmpty() ? 0 : bitmaps.get(0).getLongCardinality());
    }
    Merged[] slices =
        IntStream.range(0, SLICES)
            .parallel()
            .mapToObj(s -> inSlice(bitmaps, s * (BLOCKS / SLICES), (s + 1) * (BLOCKS / SLICES)))
            .toArray(Merged[]::new);
    long distinct = 0;
    for (Merged slice : slices) {
      distinct += slice.distinct();
    }
    return new Merged(
        FastAggregation.or(
            java.util.Arrays.stream(slices).map(Merged::shared).toArray(RoaringBitmap[]::new)),
        distinct);
  }

  /** The shared positions whose upper 16 bits are in fromBlock..toBlock − 1. */
  private static Merged inSlice(List<RoaringBitmap> bitmaps, int fromBlock, int toBlock) {
    RoaringBitmap shared = new RoaringBitmap();
    long distinct = 0;
    PeekableIntIterator[] values = new PeekableIntIterator[bitmaps.size()];
    for (int b = 0; b < values.length; b++) {
      values[b] = bitmaps.get(b).getIntIterator();
      values[b].advanceIfNeeded(fromBlock << 16);
    }
    long[] marked = new long[1 << 10];
    for (int block = fromBlock; block < toBlock; block++) {
      boolean any = false;
      for (PeekableIntIterator it : values) {
        while (it.hasNext() && it.peekNext() >>> 16 == block) {
          int position = it.next();
          int low = position & 0xFFFF;
          long bit = 1L << low;
          if ((marked[low >>> 6] & bit) != 0) {
            shared.add(position);
          } else {
            distinct++;
          }
          marked[low >>> 6] |= bit;
          any = true;
        }
      }
      if (any) {
        java.util.Arrays.fill(marked, 0L);
      }
    }
    return new Merged(shared, distinct);
  }
}
