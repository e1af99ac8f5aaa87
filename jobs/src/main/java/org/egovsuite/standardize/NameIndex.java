package org.egovsuite.standardize;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Names (full, short, alias) to units, refusing to guess: a name that two units share resolves
 * to neither. Misses are answered with the closest known names (Levenshtein distance, from
 * Apache Commons Text) so a steward can add an alias.
 */
final class NameIndex implements Serializable {
  private final Map<String, Resolution> names = new HashMap<>();
  private final Set<String> ambiguous = new HashSet<>();

  void add(String name, Resolution unit) {
    if (name == null || name.isBlank() || ambiguous.contains(name)) {
      return;
    }
    Resolution earlier = names.putIfAbsent(name, unit);
    if (earlier != null && !earlier.code().equals(unit.code())) {
      names.remove(name);
      ambiguous.add(name);
    }
  }

  Resolution find(String name) {
    return names.get(name);
  }

  boolean isAmbiguous(String name) {
    return ambiguous.contains(name);
  }

  List<String> closest(String name, int limit) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return names.keySet().stream()
        .sorted(Comparator.<String>comparingInt(n -> distance.apply(n, name)).thenComparing(n -> n))
        .limit(limit)
        .map(n -> n + " (" + names.get(n).code() + ")")
        .toList();
  }
}
