package org.egovsuite.quality;

/**
 * What a failing rule does. {@code FAIL} stops the dataset at the gate (severity error only);
 * {@code WARN} reports (severity warning only); {@code QUARANTINE} moves the failing rows to the
 * quality quarantine with the rule id and reason, and the remaining rows continue (row-level kinds
 * only, either severity).
 */
public enum Action {
  FAIL,
  WARN,
  QUARANTINE;

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Action defaultFor(Severity severity) {
    return severity == Severity.ERROR ? FAIL : WARN;
  }
}
