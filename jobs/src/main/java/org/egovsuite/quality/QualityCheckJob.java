package org.egovsuite.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.quality.history.MetricsHistory;
import org.egovsuite.quality.kinds.RuleInputs;
import org.egovsuite.quality.kinds.RuleKind;
import org.egovsuite.quality.kinds.RuleKinds;
import org.egovsuite.quality.uniqueness.ExactUniqueness;
import org.egovsuite.spark.JobCounter;

/**
 * Runs a dataset's rules as Deequ checks in one verification (Deequ plans the analyzers of all
 * checks together, so the data is scanned once for the scan-shareable metrics plus once per
 * grouping such as a uniqueness key), judges drift rules against the metrics history, and marks the
 * rows that quarantine rules fail.
 */
public final class QualityCheckJob {
  private Dataset<Row> data;
  private RuleFile rules;
  private RuleInputs inputs = RuleInputs.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  private MetricsHistory history = MetricsHistory.empty();
  private int samples = 5;
  private List<String> shown = List.of();
  private Consumer<Dataset<Row>> quarantineWriter = marked -> {};

  /**
   * The session setting: the most rows at which a failing uniqueness rule's shared values are
   * counted for the report (a group-by of the column per rule); above it the report gives the
   * verdict and its proof.
   */
  public static final String COUNT_UP_TO = "spark.egov.countSharedValuesUpTo";

  static final long DEFAULT_COUNT_UP_TO = 500_000;

  public QualityCheckJob data(Dataset<Row> value) {
    this.data = value;
    return this;
  }

  public QualityCheckJob rules(RuleFile value) {
    this.rules = value;
    return this;
  }

  /** The run date and the other datasets reference rules look up; default today, none. */
  public QualityCheckJob inputs(RuleInputs value) {
    this.inputs = value;
    return this;
  }

  /** Earlier runs' metrics for drift rules; default none (every drift rule has no baseline). */
  public QualityCheckJob history(MetricsHistory value) {
    this.history = value;
    return this;
  }

  /**
   * Up to {@code n} sample rows for each failing rule, showing the given columns (the dataset's
   * keys) beside the rule's own; default 5 and none.
   */
  public QualityCheckJob samples(int n, List<String> shownColumns) {
    this.samples = n;
    this.shown = List.copyOf(shownColumns);
    return this;
  }

  /**
   * What to do with the marked rows ({@link QualityRun#marked}) as soon as the verification has
   * marked them: called before the exact uniqueness plan's verdicts are awaited, since no
   * quarantine rule takes that plan, so that the plan's reads and, typically, the quarantine's
   * write share the cores instead of following each other (at 100M tickets the write took 13 s
   * after the plan's last read). Not called for a rule file without quarantine rules; default:
   * nothing.
   */
  public QualityCheckJob quarantine(Consumer<Dataset<Row>> writer) {
    this.quarantineWriter = writer;
    return this;
  }

  /**
   * Deequ's metric instance without the rule id that compliance constraints carry in their name.
   */
  private static String subject(Rule rule, String instance) {
    if (instance == null || instance.equals("*")) {
      return "rows";
    }
    String subject =
        instance.startsWith(rule.id()) ? instance.substring(rule.id().length()).trim() : instance;
    return subject.isEmpty() ? "rows" : subject;
  }

  public QualityRun execute() {
    Dataset<Row> prepared = data;
    Map<Check, Rule> checks = new LinkedHashMap<>();
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules.rules()) {
      RuleKind kind = RuleKinds.find(rule.kind()).orElseThrow();
      prepared = kind.prepare(prepared, rule, inputs);
      checks.put(kind.toCheck(rule), rule);
      byId.put(rule.id(), rule);
    }
    Dataset<Row> checked = prepared;
    ExactUniqueness.Plan uniqueness = ExactUniqueness.start(byId, data);
    uniqueness.awaitFirstJob();
    JobCounter.Counted<VerificationResult> verification;
    try {
      verification =
          JobCounter.count(
              data.sparkSession().sparkContext(),
              "quality verification of " + rules.dataset(),
              () -> DeequAdapter.verify(checked, new ArrayList<>(checks.keySet())));
    } catch (RuntimeException e) {
      uniqueness.cancel();
      throw e;
    }
    Optional<Dataset<Row>> marked = quarantineMarks(verification.value(), checked);
    try {
      marked.ifPresent(quarantineWriter);
    } catch (RuntimeException e) {
      uniqueness.cancel();
      throw e;
    }
    List<RuleResult> results = new ArrayList<>();
    for (Map.Entry<Check, Rule> e : checks.entrySet()) {
      Rule rule = e.getValue();
      String threshold = RuleKinds.find(rule.kind()).orElseThrow().threshold(rule);
      for (DeequAdapter.ConstraintOutcome o :
          DeequAdapter.outcomes(verification.value(), e.getKey())) {
        results.add(
            new RuleResult(
                rules.dataset(),
                rule.id(),
                rule.kind(),
                rule.severity(),
                rule.action(),
                o.constraint(),
                subject(rule, o.instance()),
                o.metric(),
                o.value(),
                threshold,
                o.passed(),
                o.message()));
      }
    }
    long rows = DeequAdapter.rowCount(verification.value());
    List<RuleResult> judged =
        RuleMessages.inWords(
            ExactUniqueness.judge(DriftJudge.judge(results, byId, history), byId, uniqueness, rows),
            byId,
            rows);
    Set<String> failed = new HashSet<>();
    judged.stream().filter(r -> !r.passed()).forEach(r -> failed.add(r.ruleId()));
    Map<String, List<String>> sampled = new LinkedHashMap<>();
    long countUpTo = countUpTo(data);
    List<Rule> failingRowLevel =
        rules.rules().stream()
            .filter(
                r -> failed.contains(r.id()) && RuleKinds.find(r.kind()).orElseThrow().rowLevel())
            // A uniqueness rule's failing rows are found by a window over its key (a shuffle of
            // every row): above the count limit its verdict and proof stand alone, and its
            // message says so (withDuplicates).
            .filter(r -> !(r.kind().equals("uniqueness") && rows > countUpTo))
            // The exact plan's rules have no row-level outcome of their own (their check in the
            // verification is the column's completeness): their samples are the repeated values.
            .filter(r -> !ExactUniqueness.applies(r))
            .toList();
    if (samples > 0) {
      // Each rule's samples from marks of that rule alone: marks for all failing rules would
      // compute every uniqueness rule's window in every rule's sample job.
      for (Rule rule : failingRowLevel) {
        sampled.putAll(
            FailingSamples.rowLevel(
                RowLevelMarks.mark(
                    data.sparkSession(),
                    verification.value(),
                    checked,
                    List.of(data.columns()),
                    List.of(rule)),
                List.of(rule),
                shown,
                samples));
      }
    }
    judged = withDuplicates(judged, byId, failed, rows, countUpTo, sampled);
    QualityOutcome outcome = new QualityOutcome(rules.dataset(), rules.path(), judged);
    return new QualityRun(
        outcome,
        rows,
        verification.jobs(),
        marked,
        sampled,
        rules.rules().stream().map(RuleOutline::of).toList());
  }

  /** The rows marked with the quarantine rules they fail; empty without quarantine rules. */
  private Optional<Dataset<Row>> quarantineMarks(
      VerificationResult verification, Dataset<Row> checked) {
    List<Rule> quarantine =
        rules.rules().stream()
            .filter(
                r ->
                    RuleKinds.find(r.kind()).orElseThrow().rowLevel()
                        && r.action() == Action.QUARANTINE)
            .toList();
    return quarantine.isEmpty()
        ? Optional.empty()
        : Optional.of(
            RowLevelMarks.mark(
                data.sparkSession(), verification, checked, List.of(data.columns()), quarantine));
  }

  /** The session's {@link #COUNT_UP_TO}, a whole number of rows (500,000 unless set). */
  static long countUpTo(Dataset<Row> data) {
    String value = data.sparkSession().conf().get(COUNT_UP_TO, Long.toString(DEFAULT_COUNT_UP_TO));
    try {
      return Long.parseLong(value.replace("_", "").replace(",", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          COUNT_UP_TO + ": expected a whole number of rows, got '" + value + "'", e);
    }
  }

  private static String notCounted(long rows, long countUpTo) {
    return String.format(
        Locale.ROOT,
        "; repeated values not looked up at %,d rows (%s = %,d; raise it to count and list them)",
        rows,
        COUNT_UP_TO,
        countUpTo);
  }

  /**
   * A failing uniqueness rule counted: how many rows share their key (the exact check proves a
   * duplicate but does not count them), and its most repeated values as samples.
   */
  private List<RuleResult> withDuplicates(
      List<RuleResult> judged,
      Map<String, Rule> byId,
      Set<String> failed,
      long rows,
      long countUpTo,
      Map<String, List<String>> sampled) {
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : judged) {
      Rule rule = byId.get(r.ruleId());
      if (samples == 0
          || r.passed()
          || !rule.kind().equals("uniqueness")
          || !failed.contains(rule.id())
          || rule.where() != null) {
        out.add(r);
        continue;
      }
      if (rows > countUpTo) {
        // Counting groups the whole column, one shuffle per failing rule; with the row samples
        // it made the 38-rule check on 1M rows 10x slower (BENCHMARKS.md, "The quality peers").
        // The exact plan's verdict and its proof stand without it.
        out.add(r.valued(r.value(), r.message() + notCounted(rows, countUpTo)));
        continue;
      }
      FailingSamples.Duplicates found = FailingSamples.duplicates(data, rule, samples);
      sampled.putIfAbsent(rule.id(), found.samples());
      out.add(
          r.value() != null || found.rows() == 0
              ? r
              : r.valued(
                  rows == 0 ? null : 1.0 - (double) found.rows() / rows,
                  RuleMessages.counted(
                          found.rows(),
                          rows,
                          "share their " + String.join(", ", rule.columns()) + " with another row",
                          r.threshold())
                      + " ("
                      + r.message()
                      + ")"));
    }
    return out;
  }
}
