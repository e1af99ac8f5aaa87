package org.egovsuite.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failing rules in words a steward can act on: how many rows failed out of how many, what they lack
 * and what the rule needs ("10 of 369 rows (2.7%) have no population_2020; the rule needs share >=
 * 1.0"), instead of Deequ's "Value: 0.97… does not meet the constraint requirement!". Counts come
 * from the share metrics Deequ reports (a share of the rows checked); messages that are already in
 * words (drift, exact uniqueness proofs) are kept.
 */
public final class RuleMessages {
  private RuleMessages() {}

  /**
   * @param rules the rules by id: a rule with a {@code where} counts only the rows it selects
   */
  static List<RuleResult> inWords(List<RuleResult> results, Map<String, Rule> rules, long rows) {
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : results) {
      Rule rule = rules.get(r.ruleId());
      String where = rule == null ? null : rule.where();
      out.add(
          r.passed() || !fromDeequ(r.message())
              ? r
              : r.judged(false, r.threshold(), words(r, rows, where)));
    }
    return out;
  }

  /** Deequ's own wording, which no person should have to read. */
  private static boolean fromDeequ(String message) {
    return message == null
        || message.isBlank()
        || message.contains("does not meet the constraint requirement");
  }

  /** "10 of 369 rows (2.7%) have no population_2020; the rule needs share >= 1.0". */
  public static String counted(long failed, long rows, String what, String threshold) {
    String share = rows == 0 ? "" : " (" + percent(100.0 * failed / rows) + "%)";
    return String.format(
        Locale.ROOT,
        "%,d of %,d rows%s %s; the rule needs %s",
        failed,
        rows,
        share,
        what,
        threshold);
  }

  /**
   * One decimal from 1% up; two significant digits below, so 2 of 100,000 reads 0.002%, not 0.0%.
   */
  static String percent(double pct) {
    if (pct == 0 || pct >= 1) {
      return String.format(Locale.ROOT, "%.1f", pct);
    }
    return new java.math.BigDecimal(pct)
        .round(new java.math.MathContext(2))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String words(RuleResult r, long rows, String where) {
    String needs = "; the rule needs " + r.threshold();
    if (r.value() == null) {
      return "the metric could not be computed" + needs;
    }
    String metric = r.metric() == null ? "" : r.metric();
    if (rows > 0
        && (metric.equals("Completeness")
            || metric.equals("Compliance")
            || metric.equals("Uniqueness"))) {
      String what =
          switch (metric) {
            case "Completeness" -> "have no " + r.subject();
            case "Uniqueness" -> "share their " + r.subject() + " with another row";
            default ->
                "break the rule ("
                    + r.kind()
                    + (r.subject().equals("rows") ? "" : " on " + r.subject())
                    + ")";
          };
      if (where != null) {
        // The share is of the rows the condition selects, whose number Deequ does not report.
        return String.format(
                Locale.ROOT, "%.1f%% of the rows where %s %s", 100 * (1 - r.value()), where, what)
            + needs;
      }
      return counted(Math.round((1 - r.value()) * rows), rows, what, r.threshold());
    }
    if (metric.equals("Size")) {
      return String.format(Locale.ROOT, "%,d rows", Math.round(r.value())) + needs;
    }
    return metric + " is " + String.format(Locale.ROOT, "%.6g", r.value()) + needs;
  }
}
