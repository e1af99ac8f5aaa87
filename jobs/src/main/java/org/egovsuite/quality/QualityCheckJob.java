package org.egovsuite.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * grouping such as a uniqueness key), judges drift rules against the metrics history, and marks
 * the rows that quarantine rules fail.
 */
public final class QualityCheckJob {
  private Dataset<Row> data;
  private RuleFile rules;
  private RuleInputs inputs = RuleInputs.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  private MetricsHistory history = MetricsHistory.empty();
  private java.util.function.Predicate<Rule> marking = rule -> rule.action() == Action.QUARANTINE;

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
   * Which rules' failing rows are marked; default the quarantine rules. The steward's dry run
   * marks every row-level rule to show sample failing rows.
   */
  public QualityCheckJob mark(java.util.function.Predicate<Rule> value) {
    this.marking = value;
    return this;
  }

  /** Deequ's metric instance without the rule id that compliance constraints carry in their name. */
  private static String subject(Rule rule, String instance) {
    if (instance == null || instance.equals("*")) {
      return "rows";
    }
    String subject = instance.startsWith(rule.id()) ? instance.substring(rule.id().length()).trim() : instance;
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
    JobCounter.Counted<VerificationResult> verification;
    try {
      verification = JobCounter.count(data.sparkSession().sparkContext(), "quality verification of " + rules.dataset(),
          () -> DeequAdapter.verify(checked, new ArrayList<>(checks.keySet())));
    } catch (RuntimeException e) {
      uniqueness.cancel();
      throw e;
    }
    List<RuleResult> results = new ArrayList<>();
    for (Map.Entry<Check, Rule> e : checks.entrySet()) {
      Rule rule = e.getValue();
      String threshold = RuleKinds.find(rule.kind()).orElseThrow().threshold(rule);
      for (DeequAdapter.ConstraintOutcome o : DeequAdapter.outcomes(verification.value(), e.getKey())) {
        results.add(new RuleResult(rules.dataset(), rule.id(), rule.kind(), rule.severity(), rule.action(),
            o.constraint(), subject(rule, o.instance()), o.metric(), o.value(), threshold, o.passed(), o.message()));
      }
    }
    long rows = DeequAdapter.rowCount(verification.value());
    List<RuleResult> judged = RuleMessages.inWords(
        ExactUniqueness.judge(DriftJudge.judge(results, byId, history), byId, uniqueness, rows), byId, rows);
    QualityOutcome outcome = new QualityOutcome(rules.dataset(), rules.path(), judged);
    List<Rule> quarantine = rules.rules().stream()
        .filter(r -> RuleKinds.find(r.kind()).orElseThrow().rowLevel() && marking.test(r)).toList();
    Optional<Dataset<Row>> marked = quarantine.isEmpty() ? Optional.empty()
        : Optional.of(RowLevelMarks.mark(data.sparkSession(), verification.value(), checked, List.of(data.columns()),
            quarantine));
    return new QualityRun(outcome, rows, verification.jobs(), marked);
  }
}
