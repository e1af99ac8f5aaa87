package org.egovsuite.ingest;

/**
 * A typed value (String, Integer, Long, Double, Boolean, LocalDate, or Instant for timestamps) and,
 * for numbers written with a unit suffix, the suffix (万, 亿, %, ‰).
 */
record ParsedValue(Object value, String unit) {
  static final ParsedValue NULL = new ParsedValue(null, null);
}
