package org.egovsuite.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies for the reports' compact constructors, so a report does not change when the
 * list it was built from does. Unlike {@code List.copyOf}, they keep a null (a property an older
 * state file lacks) and null elements.
 */
final class Copies {
  private Copies() {}

  static <T> List<T> of(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <K, V> Map<K, V> of(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
