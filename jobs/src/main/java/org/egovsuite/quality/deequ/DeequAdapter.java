package org.egovsuite.quality.deequ;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel$;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.Constraint;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus$;
import com.amazon.deequ.metrics.Metric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.Severity;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The one place that speaks Scala to Deequ: Option, Seq, Function1 and Enumeration values in,
 * plain Java out. No other class touches Deequ's Scala signatures.
 */
public final class DeequAdapter {
  private DeequAdapter() {}

  /** An empty check with the level of the severity; the description carries the rule id. */
  public static Check newCheck(Severity severity, String description) {
    return new Check(severity == Severity.ERROR ? CheckLevel$.MODULE$.Error() : CheckLevel$.MODULE$.Warning(),
        description, JavaConverters.asScalaBuffer(new ArrayList<Constraint>()).toSeq());
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

  /** Assertion "min <= metric <= max" (either bound may be null). */
  public static AbstractFunction1<Object, Object> within(Double min, Double max) {
    return new Within(min, max);
  }

  public static scala.util.matching.Regex regex(String pattern) {
    return new scala.util.matching.Regex(pattern, JavaConverters.asScalaBuffer(new ArrayList<String>()).toSeq());
  }

  /** Runs all checks over the data in one verification: Deequ shares scans between them. */
  public static VerificationResult verify(Dataset<Row> data, List<Check> checks) {
    return new VerificationSuite().onData(data).addChecks(seq(checks)).run();
  }

  /** Java view of one constraint's outcome. */
  public record ConstraintOutcome(String constraint, String metric, Double value, boolean passed, String message) {}

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
      Double value = null;
      if (c.metric().isDefined()) {
        Metric<?> metric = c.metric().get();
        metricName = metric.name();
        if (metric.value().isSuccess() && metric.value().get() instanceof Number number) {
          value = number.doubleValue();
        }
      }
      out.add(new ConstraintOutcome(c.constraint().toString(), metricName, value, passed,
          c.message().isDefined() ? c.message().get() : ""));
    }
    return out;
  }

  private static final class AtLeast extends AbstractFunction1<Object, Object> implements Serializable {
    private final double min;

    AtLeast(double min) {
      this.min = min;
    }

    @Override
    public Object apply(Object value) {
      return ((Number) value).doubleValue() >= min;
    }
  }

  private static final class Within extends AbstractFunction1<Object, Object> implements Serializable {
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
