package org.egovsuite.generate;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of what one file (or a whole dataset) holds: records, lines and each kind of messiness.
 */
public final class Tally implements Serializable {
  public enum Kind {
    RECORDS,
    LINES,
    MALFORMED,
    OUT_OF_RANGE,
    NULL,
    DUPLICATE,
    NAME_VARIANT,
    FULL_WIDTH_DIGITS;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final long[] counts = new long[Kind.values().length];

  void add(Kind kind) {
    counts[kind.ordinal()]++;
  }

  public long get(Kind kind) {
    return counts[kind.ordinal()];
  }

  Tally plus(Tally other) {
    Tally out = new Tally();
    for (int i = 0; i < counts.length; i++) {
      out.counts[i] = counts[i] + other.counts[i];
    }
    return out;
  }

  public Map<String, Long> asMap() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      out.put(k.key(), counts[k.ordinal()]);
    }
    return out;
  }

  void add(Messiness.Fault fault) {
    switch (fault) {
      case MALFORMED -> add(Kind.MALFORMED);
      case OUT_OF_RANGE -> add(Kind.OUT_OF_RANGE);
      case NULL -> add(Kind.NULL);
      case DUPLICATE -> add(Kind.DUPLICATE);
      default -> {}
    }
  }
}
