package org.egovsuite.quality;

/** An error-severity rule that fails stops publishing; a warning is reported only. */
public enum Severity {
  ERROR,
  WARNING
}
