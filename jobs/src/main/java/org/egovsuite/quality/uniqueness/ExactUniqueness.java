package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;
import static org.egovsuite.quality.deequ.DeequAdapter.anyValue;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.Action;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleMessages;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.spark.JobGroups;

/**
 * A cheaper exact plan for the uniqueness of one column over every row: "this column is unique"
 * (threshold 1.0), the rule a key usually gets, and "at least this share of the rows have a value
 * no other row has" (a lower threshold). Deequ answers both by grouping the data by the column: a
 * count of the non-null rows and one shuffle of every value per rule. Here the verification's
 * shared scan gives each column's completeness (no value at all fails, as Deequ's does; nulls are
 * left out of uniqueness, as Deequ leaves them out), and each column is decided by the first step
 * that can:
 *
 * <ol>
 *   <li>a real duplicate among the first rows of every partition ({@link DuplicateSearch}, one
 *       small read for all rules): a proof. Columns with far fewer distinct values than rows end
 *       here, and so does every column of a dataset small enough for the heads to hold all its
 *       rows;
 *   <li>a column of whole numbers (integers, dates, timestamps) with more values than whole numbers
 *       between its minimum and maximum ({@link IntegerRanges}): not unique (pigeonhole); one whose
 *       values come in rising runs with ranges apart (sorted files of a key): unique, found in the
 *       same read;
 *   <li>otherwise the column could be unique and is checked exactly, all such columns in one read
 *       and without shuffling their values ({@link PositionBitmaps}).
 * </ol>
 *
 * These steps need nothing from the verification, so they {@linkplain #start start} beside it:
 * their Spark jobs take the task slots the verification's scan leaves idle (its last tasks, the
 * driver's work between jobs), and the verdicts are joined when the scan's results are judged.
 *
 * <p>A rule with a lower threshold needs the share itself, Deequ's metric: the values occurring
 * once over the non-null values. The heads count it when they hold every row; otherwise the column
 * is counted by the position bitmaps, in the same read as the columns still open; a type whose
 * values the plan cannot compare by text and hash is grouped by Spark ({@link ValueCounts}).
 *
 * <p>The verdict is always exact. A fully-unique rule's metric is 1.0 for a unique column and
 * absent otherwise (the message gives the proof); a share rule's metric is Deequ's, to the last
 * digit.
 */
public final class ExactUniqueness {
  static final String METRIC = "Uniqueness";
  static final int HEAD_ROWS = 50_000;

  /** A cold JVM's first query can take seconds to plan; past this the verification goes ahead. */
  static final long FIRST_JOB_WAIT_MS = 10_000;

  private ExactUniqueness() {}

  public static boolean applies(Rule rule) {
    return rule.kind().equals("uniqueness")
        && rule.columns().size() == 1
        && rule.where() == null
        && rule.action() != Action.QUARANTINE;
  }

  /** A rule that needs the share of unique values, not only whether every value is unique. */
  static boolean counted(Rule rule) {
    return applies(rule) && rule.share() < 1.0;
  }

  /** The metrics the plan needs, computed in the verification's shared scan. */
  public static Check check(Rule rule) {
    String column = rule.columns().get(0);
    return DeequAdapter.newCheck(rule.severity(), rule.id())
        .hasCompleteness(column, anyValue(), none(), none());
  }

  /** The plan's verdicts per column, being computed in a thread of their own. */
  public static final class Plan {
    private final CompletableFuture<Map<String, Verdict>> verdicts;
    private final SparkContext context;
    private final String jobGroup;

    private Plan(
        CompletableFuture<Map<String, Verdict>> verdicts, SparkContext context, String jobGroup) {
      this.verdicts = verdicts;
      this.context = context;
      this.jobGroup = jobGroup;
    }

    Map<String, Verdict> verdicts() {
      return org.egovsuite.concurrent.Futures.join(verdicts);
    }

    /**
     * Waits, at most {@link #FIRST_JOB_WAIT_MS} ms, until the plan has submitted its first Spark
     * job. Spark schedules jobs first come, first served: when the verification's scan was
     * submitted first, it held every task slot to its last task, and the plan's head search and
     * range read (a fraction of its work, meant to fill its tail) started only after it. A race
     * between the two threads: once in fifteen pairs of the 38-rule benchmark, where it made our
     * check 12.9 s against 9.5–10.6 s.
     */
    public void awaitFirstJob() {
      long deadline = System.nanoTime() + FIRST_JOB_WAIT_MS * 1_000_000L;
      while (!jobSubmittedOrDone() && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
      }
    }

    /** Whether Spark knows a job of the plan, or the plan needs none any more. */
    boolean jobSubmittedOrDone() {
      return context == null
          || verdicts.isDone()
          || context.statusTracker().getJobIdsForGroup(jobGroup).length > 0;
    }

    /** Stops the plan's Spark jobs (the verification failed and nobody will judge). */
    public void cancel() {
      if (context != null && !verdicts.isDone()) {
        context.cancelJobGroup(jobGroup);
      }
    }
  }

  /** Starts the plan for the rules it applies to, in its own thread and Spark job group. */
  public static Plan start(Map<String, Rule> rules, Dataset<Row> data) {
    List<String> columns =
        rules.values().stream()
            .filter(ExactUniqueness::applies)
            .map(r -> r.columns().get(0))
            .distinct()
            .toList();
    Set<String> counted =
        rules.values().stream()
            .filter(ExactUniqueness::counted)
            .map(r -> r.columns().get(0))
            .collect(Collectors.toSet());
    if (columns.isEmpty()) {
      return new Plan(CompletableFuture.completedFuture(Map.of()), null, null);
    }
    SparkContext sc = data.sparkSession().sparkContext();
    String group = "exact uniqueness#" + UUID.randomUUID();
    CompletableFuture<Map<String, Verdict>> verdicts =
        CompletableFuture.supplyAsync(
            () ->
                JobGroups.in(
                    sc,
                    group,
                    "exact uniqueness of " + String.join(", ", columns),
                    () -> decide(data, columns, counted)),
            work -> {
              Thread thread = new Thread(work, "exact-uniqueness");
              thread.setDaemon(true);
              thread.start();
            });
    return new Plan(verdicts, sc, group);
  }

  /**
   * Each column's verdict, and for the {@code counted} ones their counts too. A counted column's
   * verdict keeps the head search's proof when it found one (the first repeat in the data's order),
   * else it is read from the counts.
   */
  private static Map<String, Verdict> decide(
      Dataset<Row> data, List<String> columns, Set<String> counted) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    Map<String, ValueCounts> counts = new LinkedHashMap<>();
    DuplicateSearch.Heads heads = DuplicateSearch.find(data, columns, HEAD_ROWS);
    for (String column : columns) {
      DuplicateSearch.Duplicate found = heads.duplicates().get(column);
      if (found != null) {
        verdicts.put(
            column, Verdict.no(column + " value '" + found.value() + "' occurs more than once"));
      } else if (heads.everyRow()) {
        verdicts.put(column, Verdict.UNIQUE);
      }
      if (!counted.contains(column)) {
        continue;
      }
      if (!ValueCounts.byText(data.schema().apply(column).dataType())) {
        counts.put(column, ValueCounts.grouped(data, col("`" + column + "`")));
        verdicts.putIfAbsent(column, Verdict.counted(column, counts.get(column)));
      } else if (heads.everyRow()) {
        counts.put(column, heads.counts(column));
      }
    }
    List<String> wholeNumbers =
        open(columns, verdicts).stream()
            .filter(c -> !counted.contains(c))
            .filter(c -> IntegerRanges.applies(data.schema().apply(c).dataType()))
            .toList();
    Map<String, IntegerRanges.Range> ranges = IntegerRanges.of(data, wholeNumbers);
    ranges.forEach(
        (column, range) -> {
          if (range.span() < range.count()) {
            verdicts.put(
                column,
                Verdict.no(
                    String.format(
                        "%,d values in %s but only %s", range.count(), column, range.describe())));
          } else if (range.ordered()) {
            verdicts.put(column, Verdict.UNIQUE);
          }
        });
    List<PositionBitmaps.Spec> specs = new ArrayList<>();
    for (String column : columns) {
      boolean count = counted.contains(column) && !counts.containsKey(column);
      if (count || !verdicts.containsKey(column)) {
        IntegerRanges.Range range = ranges.get(column);
        specs.add(
            new PositionBitmaps.Spec(
                column,
                range != null && range.span() <= PositionBitmaps.MAX_SPAN ? range : null,
                count));
      }
    }
    PositionBitmaps.check(data, specs)
        .forEach(
            (column, r) -> {
              if (r.counts() != null) {
                counts.put(column, r.counts());
              }
              verdicts.putIfAbsent(
                  column,
                  r.unique()
                      ? Verdict.UNIQUE
                      : Verdict.no(
                          column
                              + " value '"
                              + r.duplicate()
                              + "' occurs more than once (exact check)"));
            });
    counts.forEach((column, c) -> verdicts.put(column, verdicts.get(column).withCounts(c)));
    return verdicts;
  }

  /** Replaces the scan metrics of every exact-plan rule by its one exact verdict. */
  public static List<RuleResult> judge(
      List<RuleResult> results, Map<String, Rule> rules, Plan plan, long rows) {
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
    Map<String, Verdict> planned = plan.verdicts();
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : results) {
      List<RuleResult> scan = byRule.get(r.ruleId());
      if (scan == null) {
        out.add(r);
      } else if (scan.get(0) == r) {
        Rule rule = rules.get(r.ruleId());
        String column = rule.columns().get(0);
        Verdict v =
            Math.round(completeness(scan) * rows) == 0
                ? Verdict.no(column + " has no values")
                : planned.get(column);
        if (counted(rule) && v.counts() != null) {
          out.add(counted(r, rule, v.counts(), rows));
          continue;
        }
        out.add(
            exact(r, v.unique ? 1.0 : null, v.unique, v.unique ? "" : "not unique: " + v.proof));
      }
    }
    return out;
  }

  /**
   * A share rule's result: Deequ's assertion (at least the share) on Deequ's metric. A failing rule
   * counts the rows that share their value out of the rows with one, exact where there are nulls (a
   * count read back from the share and the dataset's rows is not).
   */
  private static RuleResult counted(RuleResult r, Rule rule, ValueCounts c, long rows) {
    double share = c.share();
    boolean passed = share >= rule.share();
    String column = rule.columns().get(0);
    String message =
        passed
            ? ""
            : RuleMessages.counted(
                    c.values() - c.once(),
                    c.values(),
                    "share their " + column + " with another row",
                    r.threshold())
                + (c.values() < rows
                    ? String.format(
                        Locale.ROOT,
                        " (%,d rows without a %s left out, as Deequ leaves them out)",
                        rows - c.values(),
                        column)
                    : "");
    return exact(r, share, passed, message);
  }

  /** The plan's result in place of the scan's completeness result {@code r}. */
  private static RuleResult exact(RuleResult r, Double value, boolean passed, String message) {
    return new RuleResult(
        r.dataset(),
        r.ruleId(),
        r.kind(),
        r.severity(),
        r.action(),
        "ExactUniqueness(" + r.subject() + ")",
        r.subject(),
        METRIC,
        value,
        r.threshold(),
        passed,
        message);
  }

  /** The columns not decided yet. */
  private static List<String> open(List<String> columns, Map<String, Verdict> verdicts) {
    return columns.stream().filter(c -> !verdicts.containsKey(c)).toList();
  }

  private static double completeness(List<RuleResult> scan) {
    return scan.stream()
        .filter(r -> "Completeness".equals(r.metric()) && r.value() != null)
        .mapToDouble(RuleResult::value)
        .findFirst()
        .orElse(0);
  }

  /**
   * @param counts the column's counts when it was counted (null otherwise)
   */
  record Verdict(boolean unique, String proof, ValueCounts counts) {
    static final Verdict UNIQUE = new Verdict(true, "", null);

    static Verdict no(String proof) {
      return new Verdict(false, proof, null);
    }

    static Verdict counted(String column, ValueCounts counts) {
      return counts.repeated() == null
          ? new Verdict(true, "", counts)
          : new Verdict(
              false, column + " value '" + counts.repeated() + "' occurs more than once", counts);
    }

    Verdict withCounts(ValueCounts c) {
      return new Verdict(unique, proof, c);
    }
  }
}
