package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The driver's merge of the partitions' positions and the lookup of keys at shared positions, on
 * positions chosen by hand: in one block and in neighbouring blocks (70,000 and 70,001 share the
 * upper 16 bits 1; 5 is in block 0), at both ends of the unsigned order (-1 is 0xFFFFFFFF, the last
 * position; 0x80000001 is negative as an int, in the upper half as unsigned), and in three bitmaps.
 */
class SharedPositionsTest {
  @Test
  void positionsInTwoOrMoreBitmapsAreShared() {
    RoaringBitmap a = RoaringBitmap.bitmapOf(1, 5, 70_000, 0x8000_0001, -1);
    RoaringBitmap b = RoaringBitmap.bitmapOf(5, 70_001, -1);
    RoaringBitmap c = RoaringBitmap.bitmapOf(70_000, 0x8000_0002);

    assertThat(SharedPositions.merge(List.of(a, b, c)).shared().toArray())
        .containsExactly(5, 70_000, -1);
    assertThat(SharedPositions.merge(List.of(a, a, a)).shared().toArray())
        .containsExactly(a.toArray());
    assertThat(SharedPositions.merge(List.of(a, c)).shared().toArray()).containsExactly(70_000);
    assertThat(SharedPositions.merge(List.of(a)).shared().isEmpty()).isTrue();
  }

  @Test
  void thePositionsSetAtAllAreCounted() {
    RoaringBitmap a = RoaringBitmap.bitmapOf(1, 5, 70_000, 0x8000_0001, -1);
    RoaringBitmap b = RoaringBitmap.bitmapOf(5, 70_001, -1);
    RoaringBitmap c = RoaringBitmap.bitmapOf(70_000, 0x8000_0002);

    // 1, 5, 70,000, 70,001, 0x80000001, 0x80000002, -1
    assertThat(SharedPositions.merge(List.of(a, b, c)).distinct()).isEqualTo(7);
    assertThat(SharedPositions.merge(List.of(a, a)).distinct()).isEqualTo(5);
    assertThat(SharedPositions.merge(List.of(b)).distinct()).isEqualTo(3);
    assertThat(SharedPositions.merge(List.of()).distinct()).isZero();
  }

  @Test
  void keysAreOrderedByTheirPositionAndFoundAtThem() {
    long[] keys = {
      key(-2, 7), key(3, 0), key(3, 1), key(-2, 1), key(5, 9), key(Integer.MIN_VALUE, 4)
    };

    long[] byPosition = PositionBitmaps.byPosition(keys, keys.length);

    assertThat(Arrays.stream(byPosition).mapToInt(k -> (int) (k >>> 32)).toArray())
        .as("unsigned order: 0x80000000 and 0xFFFFFFFE after 5")
        .containsExactly(3, 3, 5, Integer.MIN_VALUE, -2, -2);
    assertThat(byPosition).containsExactlyInAnyOrder(keys);
    assertThat(PositionBitmaps.keysAt(byPosition, RoaringBitmap.bitmapOf(3, -2, 4)))
        .containsExactlyInAnyOrder(key(-2, 7), key(-2, 1), key(3, 1), key(3, 0));
    assertThat(PositionBitmaps.keysAt(byPosition, RoaringBitmap.bitmapOf(Integer.MIN_VALUE, 6)))
        .containsExactly(key(Integer.MIN_VALUE, 4));
  }

  /** A 64-bit key: the position in the upper half, the rest of the hash in the lower. */
  private static long key(int position, int low) {
    return (long) position << 32 | Integer.toUnsignedLong(low);
  }
}
