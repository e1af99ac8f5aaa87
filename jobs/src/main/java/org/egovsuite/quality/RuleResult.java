package org.egovsuite.quality;

/**
 * The outcome of one constraint of a rule (a rule over three columns has three). A rule passes when
 * all its constraints pass.
 *
 * @param subject what the constraint looks at: a column, several, or "rows"
 * @param metric the Deequ metric name (Completeness, Uniqueness, Compliance, ...)
 * @param value the metric value; null when it could not be computed
 * @param threshold what the rule asks of the metric, in words ("&gt;= 0.95", "within ±20% of ...")
 * @param message why the constraint failed, as Deequ words it; empty when it passed
 */
public record RuleResult(
    String dataset,
    String ruleId,
    String kind,
    Severity severity,
    Action action,
    String constraint,
    String subject,
    String metric,
    Double value,
    String threshold,
    boolean passed,
    String message) {

  /** A failing rule that stops the dataset at the gate. */
  public boolean blocks() {
    return !passed && action == Action.FAIL;
  }

  /** The same result with a value computed after the verification, and its message. */
  public RuleResult valued(Double newValue, String newMessage) {
    return new RuleResult(
        dataset,
        ruleId,
        kind,
        severity,
        action,
        constraint,
        subject,
        metric,
        newValue,
        threshold,
        passed,
        newMessage);
  }

  public RuleResult judged(boolean nowPassed, String newThreshold, String newMessage) {
    return new RuleResult(
        dataset,
        ruleId,
        kind,
        severity,
        action,
        constraint,
        subject,
        metric,
        value,
        newThreshold,
        nowPassed,
        newMessage);
  }
}
