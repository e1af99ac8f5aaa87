package org.egovsuite.publish.brief;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures as the report prints them: half-up from the value's shortest decimal form (the {@code
 * _display} rule: 40.625 → 40.63), two decimals unless said otherwise.
 */
final class Numbers {
  private Numbers() {}

  static String fixed(Object value) {
    return decimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static boolean negative(Object value) {
    return decimal(value).signum() < 0;
  }

  static BigDecimal abs(Object value) {
    return decimal(value).abs();
  }

  /** A band bound as written: 90, not 90.0. */
  static String bound(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double v) {
      return new BigDecimal(Double.toString(v));
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalArgumentException("not a number: " + value);
  }
}
