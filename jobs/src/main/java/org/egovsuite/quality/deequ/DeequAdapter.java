package org.egovsuite.quality.deequ;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationResult$;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.anomalydetection.Anomaly;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel$;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.Constraint;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus$;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.suggestions.ConstraintSuggestion;
import com.amazon.deequ.suggestions.ConstraintSuggestionResult;
import com.amazon.deequ.suggestions.ConstraintSuggestionRunner;
import com.amazon.deequ.suggestions.Rules$;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.Severity;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The one place that speaks Scala to Deequ: Option, Seq, Function1 and Enumeration values in, plain
 * Java out. What other classes may do with Deequ: hold its Java-visible types ({@code Check},
 * {@code VerificationResult}) and call a {@code Check}'s builder methods with arguments made here
 * ({@link #newCheck}, the assertion and hint helpers); every Scala value Deequ takes or returns is
 * made or unwrapped in this class. (Spark's own Scala — a Catalyst expression's children, a {@code
 * Seq} cell of a row — is read where it is met.)
 */
public final class DeequAdapter {
  private DeequAdapter() {}

  /**
   * An empty check with the level of the severity. Its description is the rule id with a prefix:
   * Deequ names the check's row-level result column after it, and the prefix keeps that column from
   * replacing a data column of the same name.
   */
  public static Check newCheck(Severity severity, String ruleId) {
    return new Check(
        severity == Severity.ERROR ? CheckLevel$.MODULE$.Error() : CheckLevel$.MODULE$.Warning(),
        rowLevelColumn(ruleId),
        JavaConverters.asScalaBuffer(new ArrayList<Constraint>()).toSeq());
  }

  /** The column holding a rule's row-level outcome in {@link #rowLevelResults}. */
  public static String rowLevelColumn(String ruleId) {
    return "_rule_" + ruleId;
  }

  /**
   * The data with one boolean column per check that has row-level constraints (true: the row passes
   * every constraint of the check; rows outside a {@code where} scope pass; null when the condition
   * is null). Lazy: evaluated when the result is written.
   */
  public static Dataset<Row> rowLevelResults(
      SparkSession spark, VerificationResult result, Dataset<Row> data) {
    return VerificationResult$.MODULE$.rowLevelResultsAsDataFrame(spark, result, data);
  }

  /**
   * {@link #rowLevelResults} for the given rules' checks only. Deequ adds a column for every check
   * with row-level constraints, and a uniqueness check's column is a window over its key (a shuffle
   * and sort of every row), which Spark does not prune when the column goes unused: on 1M rows with
   * 19 uniqueness rules each read of the marks took ~1.3 s (BENCHMARKS.md).
   */
  public static Dataset<Row> rowLevelResults(
      SparkSession spark, VerificationResult result, Dataset<Row> data, Set<String> ruleIds) {
    Set<String> wanted = new HashSet<>();
    ruleIds.forEach(id -> wanted.add(rowLevelColumn(id)));
    VerificationResult only =
        new VerificationResult(
            result.status(),
            result.checkResults().filterKeys(new CheckNamed(wanted)),
            result.metrics());
    return rowLevelResults(spark, only, data);
  }

  /** Whether a check is one of the named rules' (a check's description is its rule's column). */
  private static final class CheckNamed extends AbstractFunction1<Check, Object>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> descriptions;

    CheckNamed(Set<String> descriptions) {
      this.descriptions = Set.copyOf(descriptions);
    }

    @Override
    public Object apply(Check check) {
      return descriptions.contains(check.description());
    }
  }

  public static <T> Seq<T> seq(List<T> values) {
    return JavaConverters.asScalaBuffer(new ArrayList<>(values)).toSeq();
  }

  public static scala.collection.immutable.List<String> list(List<String> values) {
    return JavaConverters.asScalaBuffer(new ArrayList<>(values)).toList();
  }

  public static <T> Option<T> none() {
    return Option.empty();
  }

  /** Assertion "metric >= min"; Deequ calls it on the driver with the metric's value. */
  public static AbstractFunction1<Object, Object> atLeast(double min) {
    return new AtLeast(min);
  }

  /** An assertion that accepts every value: the constraint is there for its metric. */
  public static AbstractFunction1<Object, Object> anyValue() {
    return new Within(null, null);
  }

  /** Assertion "min <= metric <= max" (either bound may be null). */
  public static AbstractFunction1<Object, Object> within(Double min, Double max) {
    return new Within(min, max);
  }

  public static scala.util.matching.Regex regex(String pattern) {
    return new scala.util.matching.Regex(
        pattern, JavaConverters.asScalaBuffer(new ArrayList<String>()).toSeq());
  }

  /**
   * Runs all checks over the data in one verification: Deequ shares scans between them. The row
   * count is always computed too (it shares the scan), for {@link #rowCount}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static VerificationResult verify(Dataset<Row> data, List<Check> checks) {
    return new VerificationSuite()
        .onData(data)
        .addChecks(seq(checks))
        .addRequiredAnalyzer((Analyzer) new Size(Option.empty()))
        .run();
  }

  /** The number of rows the verification saw. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static long rowCount(VerificationResult result) {
    Option<Metric<?>> metric = result.metrics().get((Analyzer) new Size(Option.empty()));
    if (metric.isEmpty() || metric.get().value().isFailure()) {
      throw new IllegalStateException("Deequ did not count the rows: " + metric);
    }
    return ((Number) metric.get().value().get()).longValue();
  }

  /**
   * Deequ's relative-rate-of-change anomaly detection of {@code current} against the last value of
   * {@code history} (oldest first, one value per earlier run): anomalous when current / previous
   * lies outside [1 - maxChange, 1 + maxChange]. Returns Deequ's detail of the anomaly, or empty
   * when there is none.
   */
  public static java.util.Optional<String> relativeChangeAnomaly(
      List<Double> history, double current, double maxChange) {
    RelativeRateOfChangeStrategy strategy =
        new RelativeRateOfChangeStrategy(
            Option.apply((Object) (1.0 - maxChange)), Option.apply((Object) (1.0 + maxChange)), 1);
    List<DataPoint<Object>> points = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      points.add(new DataPoint<>(i, Option.apply((Object) history.get(i))));
    }
    DetectionResult result =
        new AnomalyDetector(strategy)
            .isNewPointAnomalous(
                seq(points), new DataPoint<>(history.size(), Option.apply((Object) current)));
    for (scala.Tuple2<Object, Anomaly> anomaly : JavaConverters.seqAsJavaList(result.anomalies())) {
      Anomaly a = anomaly._2();
      return java.util.Optional.of(a.detail().isDefined() ? a.detail().get() : "anomalous change");
    }
    return java.util.Optional.empty();
  }

  /** Java view of one of Deequ's constraint suggestions. */
  public record Suggestion(String column, String rule, String code, String description) {}

  /**
   * Deequ's constraint suggestions for the given columns, with its extended rule set (the default
   * set plus uniqueness of approximately unique columns). Deequ fails on a column whose values are
   * all null (awslabs/deequ#419), so callers leave those out.
   */
  public static List<Suggestion> suggest(Dataset<Row> data, List<String> columns) {
    ConstraintSuggestionResult result =
        new ConstraintSuggestionRunner()
            .onData(data)
            .addConstraintRules(Rules$.MODULE$.EXTENDED())
            .restrictToColumns(seq(columns))
            .run();
    List<Suggestion> out = new ArrayList<>();
    for (Seq<ConstraintSuggestion> perColumn :
        JavaConverters.asJavaIterable(result.constraintSuggestions().values())) {
      for (ConstraintSuggestion s : JavaConverters.seqAsJavaList(perColumn)) {
        out.add(
            new Suggestion(
                s.columnName(),
                s.suggestingRule().getClass().getSimpleName(),
                s.codeForConstraint(),
                s.description()));
      }
    }
    return out;
  }

  /** Java view of one constraint's outcome. */
  /**
   * @param instance what the metric is about, as Deequ names it: a column, columns, or "*"
   */
  public record ConstraintOutcome(
      String constraint,
      String instance,
      String metric,
      Double value,
      boolean passed,
      String message) {}

  /** The constraint outcomes of one check, in the order the constraints were added. */
  public static List<ConstraintOutcome> outcomes(VerificationResult result, Check check) {
    Option<CheckResult> checkResult = result.checkResults().get(check);
    List<ConstraintOutcome> out = new ArrayList<>();
    if (checkResult.isEmpty()) {
      return out;
    }
    for (ConstraintResult c : JavaConverters.seqAsJavaList(checkResult.get().constraintResults())) {
      boolean passed = c.status() == ConstraintStatus$.MODULE$.Success();
      String metricName = null;
      String instance = null;
      Double value = null;
      if (c.metric().isDefined()) {
        Metric<?> metric = c.metric().get();
        metricName = metric.name();
        instance = metric.instance();
        if (metric.value().isSuccess() && metric.value().get() instanceof Number number) {
          value = number.doubleValue();
        }
      }
      out.add(
          new ConstraintOutcome(
              c.constraint().toString(),
              instance,
              metricName,
              value,
              passed,
              c.message().isDefined() ? c.message().get() : ""));
    }
    return out;
  }

  private static final class AtLeast extends AbstractFunction1<Object, Object>
      implements Serializable {
    private final double min;

    AtLeast(double min) {
      this.min = min;
    }

    @Override
    public Object apply(Object value) {
      return ((Number) value).doubleValue() >= min;
    }
  }

  private static final class Within extends AbstractFunction1<Object, Object>
      implements Serializable {
    private final Double min;
    private final Double max;

    Within(Double min, Double max) {
      this.min = min;
      this.max = max;
    }

    @Override
    public Object apply(Object value) {
      double v = ((Number) value).doubleValue();
      return (min == null || v >= min) && (max == null || v <= max);
    }
  }
}
