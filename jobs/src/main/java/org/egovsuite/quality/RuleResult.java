package org.egovsuite.quality;

/**
 * The outcome of one constraint of a rule (a rule over three columns has three). A rule passes
 * when all its constraints pass.
 *
 * @param metric the Deequ metric name (Completeness, Uniqueness, Compliance, ...)
 * @param value the metric value; null when it could not be computed
 * @param message why the constraint failed, as Deequ words it; empty when it passed
 */
public record RuleResult(
    String dataset,
    String ruleId,
    String kind,
    Severity severity,
    String constraint,
    String metric,
    Double value,
    boolean passed,
    String message) {}
