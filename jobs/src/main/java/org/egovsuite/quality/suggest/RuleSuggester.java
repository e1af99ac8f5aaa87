package org.egovsuite.quality.suggest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * A draft rule file from Deequ's constraint suggestions, in our rule format, every rule a warning
 * for the steward to review. Columns that are null in every row get no suggestion (and are not
 * shown to Deequ, which fails on them) but a note in the draft.
 *
 * <p>Deequ describes a suggestion as Scala source ({@code .isContainedIn("grp", Array("x", "y"))});
 * the suggestion objects carry no typed parameters, so the few forms its default rules produce are
 * read from that source here.
 */
public final class RuleSuggester {
  private static final Pattern NUMBER = Pattern.compile("_ >= ([0-9.Ee-]+)");
  private static final Pattern ARRAY = Pattern.compile("Array\\((.*?)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The draft: its rules (as maps in rule-file order) and the columns left without a rule. */
  public record Draft(
      String dataset,
      List<Map<String, Object>> rules,
      List<String> allNullColumns,
      List<String> skipped) {}

  private RuleSuggester() {}

  public static Draft suggest(String dataset, Dataset<Row> data, List<String> columns) {
    return suggest(dataset, data, columns, Set.of());
  }

  /**
   * @param keys the definition's key columns: a date or timestamp column is suggested unique only
   *     when it is one (unique by design); elsewhere a sample's unique times are a coincidence
   */
  public static Draft suggest(
      String dataset, Dataset<Row> data, List<String> columns, Set<String> keys) {
    List<String> allNull = allNullColumns(data, columns);
    List<String> profiled = columns.stream().filter(c -> !allNull.contains(c)).toList();
    List<Map<String, Object>> rules = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, double[]> observed = new LinkedHashMap<>();
    if (!profiled.isEmpty()) {
      for (DeequAdapter.Suggestion s : DeequAdapter.suggest(data, profiled)) {
        if (s.rule().equals("HasMin") || s.rule().equals("HasMax")) {
          bound(observed, s);
          continue;
        }
        if (s.rule().equals("UniqueIfApproximatelyUniqueRule")
            && temporal(data, s.column())
            && !keys.contains(s.column())) {
          skipped.add(
              s.column()
                  + ": unique in this data, but times repeat as data grows; not suggested"
                  + " (list it under keys: in the definition if it is unique by design)");
          continue;
        }
        Map<String, Object> rule = toRule(s);
        if (rule == null) {
          skipped.add(
              s.column()
                  + ": "
                  + s.description()
                  + (s.rule().equals("RetainTypeRule") ? " (types are fixed at ingest)" : ""));
        } else if (rules.stream().noneMatch(r -> r.get("id").equals(rule.get("id")))) {
          rules.add(rule);
        }
      }
    }
    observed.forEach((column, bounds) -> rules.add(range(column, bounds)));
    // Deequ returns suggestions by column in no fixed order; the draft follows the dataset's
    // columns.
    rules.sort(
        java.util.Comparator.comparingInt(
            r -> columns.indexOf(((List<?>) r.get("columns")).get(0).toString())));
    return new Draft(dataset, rules, allNull, skipped);
  }

  /** Share of the observed span added below the minimum and above the maximum of a range rule. */
  static final double RANGE_MARGIN = 0.10;

  private static final Pattern OBSERVED = Pattern.compile("_ == ([0-9.Ee+-]+)");

  /** Collects the observed minimum and maximum (HasMin, HasMax: {@code .hasMin("c", _ == v)}). */
  private static void bound(Map<String, double[]> observed, DeequAdapter.Suggestion s) {
    Matcher m = OBSERVED.matcher(s.code());
    if (!m.find()) {
      return;
    }
    double[] bounds =
        observed.computeIfAbsent(s.column(), c -> new double[] {Double.NaN, Double.NaN});
    bounds[s.rule().equals("HasMin") ? 0 : 1] = Double.parseDouble(m.group(1));
  }

  /**
   * A range rule from the observed bounds, each widened by {@value #RANGE_MARGIN} of the span so
   * the next load's normal variation passes; a bound never crosses 0 (a count or share that was
   * never negative does not become allowed to be).
   */
  private static Map<String, Object> range(String column, double[] bounds) {
    double min = bounds[0];
    double max = bounds[1];
    double margin = Double.isNaN(min) || Double.isNaN(max) ? 0 : (max - min) * RANGE_MARGIN;
    Map<String, Object> rule = rule(column, "_range", "range");
    if (!Double.isNaN(min)) {
      rule.put("min", round(min >= 0 ? Math.max(0, min - margin) : min - margin));
    }
    if (!Double.isNaN(max)) {
      rule.put("max", round(max + margin));
    }
    rule.put(
        "description",
        String.format(
            java.util.Locale.ROOT,
            "observed %s to %s, widened by %.0f%% of the span "
                + "(suggested by Deequ's HasMin/HasMax)",
            Double.isNaN(min) ? "?" : min,
            Double.isNaN(max) ? "?" : max,
            RANGE_MARGIN * 100));
    rule.put("severity", "warning");
    return rule;
  }

  /** Six significant digits: a bound for people to read and adjust. */
  private static double round(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue();
  }

  private static boolean temporal(Dataset<Row> data, String column) {
    org.apache.spark.sql.types.DataType type = data.schema().apply(column).dataType();
    return type instanceof org.apache.spark.sql.types.TimestampType
        || type instanceof org.apache.spark.sql.types.DateType;
  }

  private static List<String> allNullColumns(Dataset<Row> data, List<String> columns) {
    if (columns.isEmpty()) {
      return List.of();
    }
    Row counts =
        data.agg(
                count(col("`" + columns.get(0) + "`")),
                columns.stream().skip(1).map(c -> count(col("`" + c + "`"))).toArray(Column[]::new))
            .first();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (counts.getLong(i) == 0) {
        out.add(columns.get(i));
      }
    }
    return out;
  }

  /** Our rule for one Deequ suggestion, or null for a suggestion we do not carry over. */
  static Map<String, Object> toRule(DeequAdapter.Suggestion s) {
    String column = s.column();
    Map<String, Object> rule =
        switch (s.rule()) {
          case "CompleteIfCompleteRule" -> rule(column, "_complete", "completeness");
          case "RetainCompletenessRule" ->
              with(rule(column, "_mostly_complete", "completeness"), "min", threshold(s.code()));
          case "UniqueIfApproximatelyUniqueRule" -> rule(column, "_unique", "uniqueness");
          case "NonNegativeNumbersRule" -> with(rule(column, "_not_negative", "range"), "min", 0);
          case "CategoricalRangeRule", "FractionalCategoricalRangeRule" ->
              with(
                  with(
                      rule(column, "_allowed_values", "allowed_values"),
                      "values",
                      values(s.code())),
                  "min",
                  s.rule().startsWith("Fractional") ? threshold(s.code()) : null);
          // RetainTypeRule and the like: types are fixed by the dataset definition at ingest.
          default -> null;
        };
    if (rule != null) {
      rule.put("description", "suggested by Deequ: " + s.description());
      rule.put("severity", "warning");
    }
    return rule;
  }

  private static Map<String, Object> rule(String column, String idSuffix, String kind) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", column + idSuffix);
    rule.put("kind", kind);
    rule.put("columns", List.of(column));
    return rule;
  }

  /** Adds a key when it has a value. */
  private static Map<String, Object> with(Map<String, Object> rule, String key, Object value) {
    if (value != null) {
      rule.put(key, value);
    }
    return rule;
  }

  private static Double threshold(String code) {
    Matcher m = NUMBER.matcher(code);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  private static List<String> values(String code) {
    Matcher array = ARRAY.matcher(code);
    List<String> out = new ArrayList<>();
    if (array.find()) {
      Matcher quoted = QUOTED.matcher(array.group(1));
      while (quoted.find()) {
        out.add(quoted.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return out;
  }
}
