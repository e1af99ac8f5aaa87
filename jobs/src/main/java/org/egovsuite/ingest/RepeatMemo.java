package org.egovsuite.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Memoises a pure function of cell text while the text repeats (dates, place names: a few thousand
 * distinct values in millions of cells) in a small least-recently-used map. A column whose values
 * seldom repeat, such as timestamps to the second, gains nothing and pays a hash, an insert and an
 * eviction for every cell: at 10M hotline tickets that was a tenth of ingest's CPU. So once the
 * memo has had {@link #TRIAL} lookups, a miss while fewer than a quarter of all its lookups have
 * hit turns it off: it computes directly from then on. Not thread-safe: each Spark task
 * deserialises its own copy of the function that holds one.
 */
public final class RepeatMemo<V> {
  static final int TRIAL = 8192;
  private final LeastRecentlyUsed<V> cache;
  private long lookups;
  private long hits;
  private boolean memoising = true;

  public RepeatMemo(int capacity) {
    this.cache = new LeastRecentlyUsed<>(capacity);
  }

  /** {@code compute(key)}, from the memo when it was seen recently; compute never returns null. */
  public V get(String key, Function<String, V> compute) {
    if (!memoising) {
      return compute.apply(key);
    }
    V value = cache.get(key);
    lookups++;
    if (value != null) {
      hits++;
      return value;
    }
    value = compute.apply(key);
    if (lookups >= TRIAL && hits < lookups / 4) {
      memoising = false;
      cache.clear();
    } else {
      cache.put(key, value);
    }
    return value;
  }

  /** Whether the memo is still in use (false once its trial found the values seldom repeat). */
  boolean memoising() {
    return memoising;
  }

  /** A map that drops its least recently used entry beyond its capacity. */
  private static final class LeastRecentlyUsed<V> extends LinkedHashMap<String, V> {
    private final int capacity;

    LeastRecentlyUsed(int capacity) {
      super(64, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
      return size() > capacity;
    }
  }
}
