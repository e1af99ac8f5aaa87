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
 * Names (full, short, alias) to units, refusing to guess: a name that two units share resolves to
 * neither. Misses are answered with the closest known names (Levenshtein distance, from Apache
 * Commons Text) so a steward can add an alias.
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

  /** Names from a maintained source below the bundled ones: added where no bundled name stands. */
  private final Set<String> weak = new HashSet<>();

  /**
   * A name from a second source (CLDR): kept only where the bundled list has no entry for it, so a
   * steward's alias always wins; two second-source names for different units are ambiguous.
   */
  void addWeak(String name, Resolution unit) {
    if (name == null || name.isBlank() || ambiguous.contains(name)) {
      return;
    }
    Resolution earlier = names.get(name);
    if (earlier == null) {
      names.put(name, unit);
      weak.add(name);
    } else if (weak.contains(name) && !earlier.code().equals(unit.code())) {
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
      // Two- and three-letter codes are near everything short: suggested only for short queries.
      if (known.length() <= 3 && query.length() > 3) {
        continue;
      }
      int d = distance.apply(known, query);
      distances.put(known, d < 0 ? band + Math.abs(known.length() - query.length()) : d);
    }
    // Nearest first; among equals, the longer shared start ("brunei" before "burundi" for
    // "brunai").
    List<String> ranked =
        distances.keySet().stream()
            .sorted(
                Comparator.<String>comparingInt(distances::get)
                    .thenComparing(n -> -sharedStart(n, query))
                    .thenComparing(n -> n))
            .toList();
    List<String> out = new java.util.ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (String n : ranked) {
      if (out.size() == limit) {
        break;
      }
      // One suggestion per unit: its nearest name.
      if (codes.add(names.get(n).code())) {
        out.add(n + " (" + names.get(n).code() + ")");
      }
    }
    return out;
  }

  private static int sharedStart(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
