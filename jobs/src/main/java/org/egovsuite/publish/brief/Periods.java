package org.egovsuite.publish.brief;

import java.util.Comparator;
import java.util.List;

/** Which of a table's periods a brief asked for a year speaks of. */
final class Periods {
  private Periods() {}

  /**
   * The year asked for when the table has it; else the latest before it (a 2015 brief cites the
   * 2014 UN survey, not the 2022 one); else, and when none is asked, the table's latest.
   */
  static String choose(List<String> periods, String asked) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("no periods");
    }
    Comparator<String> order =
        Comparator.comparing((String p) -> p.length()).thenComparing(Comparator.naturalOrder());
    List<String> sorted = periods.stream().sorted(order).toList();
    if (asked == null) {
      return sorted.get(sorted.size() - 1);
    }
    if (sorted.contains(asked)) {
      return asked;
    }
    List<String> before = sorted.stream().filter(p -> order.compare(p, asked) < 0).toList();
    return before.isEmpty() ? sorted.get(sorted.size() - 1) : before.get(before.size() - 1);
  }
}
