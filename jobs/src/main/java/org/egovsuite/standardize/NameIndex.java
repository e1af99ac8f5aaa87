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

  /** Known names are short; a query is compared by its first characters only. */
  static final int MAX_QUERY = 100;

  /**
   * The {@code limit} known names nearest to {@code name}. The distance is banded (Commons Text's
   * threshold form, work proportional to length × band) and computed once per known name, on at
   * most the first {@value #MAX_QUERY} characters: a 2 MB cell compared in full inside a sort
   * comparator took minutes.
   */
  List<String> closest(String name, int limit) {
    String query = name.length() > MAX_QUERY ? name.substring(0, MAX_QUERY) : name;
    int band = names.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    LevenshteinDistance distance = new LevenshteinDistance(band);
    Map<String, Integer> distances = new HashMap<>();
    for (String known : names.keySet()) {
      int d = distance.apply(known, query);
      distances.put(known, d < 0 ? band + Math.abs(known.length() - query.length()) : d);
    }
    return names.keySet().stream()
        .sorted(Comparator.<String>comparingInt(distances::get).thenComparing(n -> n))
        .limit(limit)
        .map(n -> n + " (" + names.get(n).code() + ")")
        .toList();
  }
}
