package org.egovsuite.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * Reads text written in the ISO patterns {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} and {@code
 * yyyy-MM-dd'T'HH:mm:ss} straight from its digits, for the cells whose shape is exactly the
 * pattern's. Why not only the JDK's formatter: it parses each cell through a map of fields and a
 * resolver, about a microsecond a cell, and in a dataset of timestamps to the second (which do not
 * repeat, so no memo helps) that was a sixth of ingest's CPU at 10M tickets. Anything this does not
 * answer — another shape, year 0000 (the formatter's {@code yyyy} is the year of the era, from 1),
 * a value out of range such as 2016-02-30 or hour 24 — goes to the formatter as before, which
 * resolves strictly and so refuses those too; both give the same value or refusal for every text
 * (ValueParserTest compares them on random texts).
 */
final class IsoTemporalText {
  private static final String DATE = "yyyy-MM-dd";
  private static final String SPACED = "yyyy-MM-dd HH:mm:ss";
  private static final String T_SEPARATED = "yyyy-MM-dd'T'HH:mm:ss";

  private IsoTemporalText() {}

  static boolean handles(String pattern) {
    return pattern.equals(DATE) || pattern.equals(SPACED) || pattern.equals(T_SEPARATED);
  }

  /**
   * The date or date-time the text holds in the pattern, or null when the text is not exactly of
   * the pattern's shape or is no valid value (then the formatter decides).
   */
  static TemporalAccessor parse(String text, String pattern) {
    if (pattern.equals(DATE)) {
      return text.length() == 10 && datePart(text) ? date(text) : null;
    }
    char separator = pattern.equals(SPACED) ? ' ' : 'T';
    if (text.length() != 19
        || !datePart(text)
        || text.charAt(10) != separator
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || !digits(text, 11, 13)
        || !digits(text, 14, 16)
        || !digits(text, 17, 19)) {
      return null;
    }
    LocalDate day = date(text);
    if (day == null) {
      return null;
    }
    try {
      return LocalDateTime.of(
          day.getYear(),
          day.getMonthValue(),
          day.getDayOfMonth(),
          number(text, 11, 13),
          number(text, 14, 16),
          number(text, 17, 19));
    } catch (DateTimeException e) {
      return null; // hour 24, minute 60 ...: the formatter decides (and refuses)
    }
  }

  private static boolean datePart(String text) {
    return digits(text, 0, 4)
        && text.charAt(4) == '-'
        && digits(text, 5, 7)
        && text.charAt(7) == '-'
        && digits(text, 8, 10);
  }

  private static LocalDate date(String text) {
    int year = number(text, 0, 4);
    if (year == 0) {
      return null;
    }
    try {
      return LocalDate.of(year, number(text, 5, 7), number(text, 8, 10));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (text.charAt(i) - '0');
    }
    return n;
  }
}
