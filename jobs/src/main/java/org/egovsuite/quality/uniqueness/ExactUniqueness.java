package org.egovsuite.quality.uniqueness;

import static org.egovsuite.quality.deequ.DeequAdapter.anyValue;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.Action;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * A cheaper exact plan for "this column is unique" (one column, every row, threshold 1.0),
 * the rule a key usually gets. Deequ answers it by grouping the data by the column: one shuffle
 * of every value per rule. Here the verification's shared scan gives each column's completeness,
 * and each rule is then decided by the first step that can:
 *
 * <ol>
 *   <li>no value at all: fails, as Deequ's does (nulls are left out of uniqueness, as Deequ
 *       leaves them out);
 *   <li>a real duplicate among the first rows of every partition ({@link DuplicateSearch}, one
 *       small read for all rules): a proof. Columns with far fewer distinct values than rows
 *       end here, and so does every column of a dataset small enough for the heads to hold all
 *       its rows;
 *   <li>a column of whole numbers (integers, dates, timestamps) with more values than whole
 *       numbers between its minimum and maximum ({@link IntegerRanges}): not unique (pigeonhole);
 *   <li>otherwise the column could be unique and is checked exactly, all such columns in one
 *       read and without shuffling their values ({@link PositionBitmaps}).
 * </ol>
 *
 * The verdict is always exact; the metric is 1.0 for a unique column and absent otherwise (the
 * message gives the proof), since the plan never computes the share of unique rows.
 */
public final class ExactUniqueness {
  static final String METRIC = "Uniqueness";
  static final int HEAD_ROWS = 50_000;

  private ExactUniqueness() {}

  public static boolean applies(Rule rule) {
    return rule.kind().equals("uniqueness") && rule.columns().size() == 1 && rule.share() == 1.0
        && rule.where() == null && rule.action() != Action.QUARANTINE;
  }

  /** The metrics the plan needs, computed in the verification's shared scan. */
  public static Check check(Rule rule) {
    String column = rule.columns().get(0);
    return DeequAdapter.newCheck(rule.severity(), rule.id())
        .hasCompleteness(column, anyValue(), none(), none());
  }

  /** Replaces the scan metrics of every exact-plan rule by its one exact verdict. */
  public static List<RuleResult> judge(List<RuleResult> results, Map<String, Rule> rules, Dataset<Row> data, long rows) {
    Map<String, List<RuleResult>> byRule = new LinkedHashMap<>();
    for (RuleResult r : results) {
      Rule rule = rules.get(r.ruleId());
      if (applies(rule)) {
        byRule.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r);
      }
    }
    if (byRule.isEmpty()) {
      return results;
    }
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    Map<String, Long> nonNull = new LinkedHashMap<>();
    for (Map.Entry<String, List<RuleResult>> e : byRule.entrySet()) {
      String column = rules.get(e.getKey()).columns().get(0);
      nonNull.put(column, Math.round(completeness(e.getValue()) * rows));
      if (nonNull.get(column) == 0) {
        verdicts.put(e.getKey(), Verdict.no(column + " has no values"));
      }
    }
    List<String> open = openColumns(byRule.keySet(), rules, verdicts);
    DuplicateSearch.Heads heads = DuplicateSearch.find(data, open, HEAD_ROWS);
    Map<String, DuplicateSearch.Duplicate> found = heads.duplicates();
    decide(verdicts, byRule.keySet(), rules, column -> found.containsKey(column)
        ? Verdict.no(column + " value '" + found.get(column).value() + "' occurs more than once")
        // The heads held every row (a small dataset): no duplicate there is no duplicate at all.
        : heads.rowsRead() == rows ? new Verdict(true, "") : null);

    List<String> wholeNumbers = openColumns(byRule.keySet(), rules, verdicts).stream()
        .filter(c -> IntegerRanges.applies(data.schema().apply(c).dataType())).toList();
    Map<String, IntegerRanges.Range> ranges = IntegerRanges.of(data, wholeNumbers);
    decide(verdicts, byRule.keySet(), rules, column -> {
      IntegerRanges.Range range = ranges.get(column);
      return range != null && range.span() < nonNull.get(column)
          ? Verdict.no(String.format("%,d values in %s but only %s", nonNull.get(column), column, range.describe())) : null;
    });

    List<PositionBitmaps.Spec> specs = new ArrayList<>();
    for (String column : openColumns(byRule.keySet(), rules, verdicts)) {
      IntegerRanges.Range range = ranges.get(column);
      specs.add(new PositionBitmaps.Spec(column, range != null && range.span() <= PositionBitmaps.MAX_SPAN ? range : null));
    }
    Map<String, PositionBitmaps.Result> checked = PositionBitmaps.check(data, specs);
    decide(verdicts, byRule.keySet(), rules, column -> {
      PositionBitmaps.Result r = checked.get(column);
      return r == null ? null : r.unique() ? new Verdict(true, "")
          : Verdict.no(column + " value '" + r.duplicate() + "' occurs more than once (exact check)");
    });
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : results) {
      List<RuleResult> scan = byRule.get(r.ruleId());
      if (scan == null) {
        out.add(r);
      } else if (scan.get(0) == r) {
        Verdict v = verdicts.get(r.ruleId());
        out.add(new RuleResult(r.dataset(), r.ruleId(), r.kind(), r.severity(), r.action(),
            "ExactUniqueness(" + r.subject() + ")", r.subject(), METRIC, v.unique ? 1.0 : null, r.threshold(),
            v.unique, v.unique ? "" : "not unique: " + v.proof));
      }
    }
    return out;
  }

  /** The columns of rules not decided yet, each once. */
  private static List<String> openColumns(java.util.Set<String> ids, Map<String, Rule> rules, Map<String, Verdict> verdicts) {
    return ids.stream().filter(id -> !verdicts.containsKey(id)).map(id -> rules.get(id).columns().get(0)).distinct().toList();
  }

  /** Gives each undecided rule the verdict {@code step} finds for its column, if any. */
  private static void decide(Map<String, Verdict> verdicts, java.util.Set<String> ids, Map<String, Rule> rules,
      java.util.function.Function<String, Verdict> step) {
    for (String id : ids) {
      if (!verdicts.containsKey(id)) {
        Verdict v = step.apply(rules.get(id).columns().get(0));
        if (v != null) {
          verdicts.put(id, v);
        }
      }
    }
  }

  private static double completeness(List<RuleResult> scan) {
    return scan.stream().filter(r -> "Completeness".equals(r.metric()) && r.value() != null)
        .mapToDouble(RuleResult::value).findFirst().orElse(0);
  }

  private record Verdict(boolean unique, String proof) {
    static Verdict no(String proof) {
      return new Verdict(false, proof);
    }
  }
}
