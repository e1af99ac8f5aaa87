package org.egovsuite.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used map for memoising pure functions of repetitive cell text (dates,
 * place names: a few thousand distinct values in millions of cells). Not thread-safe: each Spark
 * task deserialises its own copy of the function that holds one.
 */
public final class BoundedCache<K, V> extends LinkedHashMap<K, V> {
  private final int capacity;

  public BoundedCache(int capacity) {
    super(64, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
