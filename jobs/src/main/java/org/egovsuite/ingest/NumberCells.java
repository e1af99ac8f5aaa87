package org.egovsuite.ingest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.egovsuite.config.ColumnSpec;

/**
 * Numeric cells as government spreadsheets write them: thousands separators ({@code 1,234.5},
 * {@code 1，234}), unit suffixes (万 ×10⁴, 亿 ×10⁸, % ×10⁻², ‰ ×10⁻³), and never a number a double
 * cannot hold (an overflow would read as infinity, an underflow as 0) unless the column allows
 * non-finite values. Called by {@link ValueParser} with the cell already folded (NFKC).
 */
final class NumberCells {
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");
  private static final Map<String, BigDecimal> UNIT_SCALE =
      Map.of(
          "万",
          new BigDecimal("10000"),
          "亿",
          new BigDecimal("100000000"),
          "%",
          new BigDecimal("0.01"),
          "‰",
          new BigDecimal("0.001"));

  private NumberCells() {}

  /** Digits with an optional sign, point and exponent: what Double.parseDouble may be given. */
  private static boolean plainNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code 1,234,567.5} (or with {@code ，}) without its separators; null when the separators are
   * not every three digits left of the point. Hand-written because it runs on every grouped cell.
   */
  static String ungroup(String text) {
    int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    int end = text.indexOf('.');
    end = end < 0 ? text.length() : end;
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, i);
    int digits = 0;
    boolean grouped = false;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        out.append(c);
      } else if ((c == ',' || c == '，') && digits >= 1 && (grouped ? digits == 3 : digits <= 3)) {
        grouped = true;
        digits = 0;
      } else {
        return null;
      }
    }
    if (!grouped || digits != 3) {
      return null;
    }
    return out.append(text, end, text.length()).toString();
  }

  static ParsedValue parse(String text, ColumnSpec column) {
    if (column.units().isEmpty() && (text.indexOf(',') >= 0 || text.indexOf('，') >= 0)) {
      String ungrouped = ungroup(text);
      if (ungrouped != null && plainNumber(ungrouped)) {
        text = ungrouped;
      }
    }
    if (column.units().isEmpty() && plainNumber(text)) {
      // The fast path for the usual cell; the JDK parsers reject what BigDecimal would.
      try {
        Object fast =
            switch (column.type()) {
              case INT -> Integer.parseInt(text);
              case LONG -> Long.parseLong(text);
              default -> Double.parseDouble(text);
            };
        // An infinity or a zero read from an exponent may be an overflow or an underflow: the
        // exact path below tells.
        if (!(fast instanceof Double d) || (Double.isFinite(d) && (d != 0 || !hasExponent(text)))) {
          return new ParsedValue(fast, null);
        }
      } catch (NumberFormatException e) {
        // "1.0" for an int, or an overflow: the exact path below words the reason
      }
    }
    String unit = null;
    String digits = text;
    for (String u : column.units()) {
      if (digits.endsWith(u)) {
        unit = u;
        digits = digits.substring(0, digits.length() - u.length()).strip();
        break;
      }
    }
    if ((digits.indexOf(',') >= 0 || digits.indexOf('，') >= 0)
        && GROUPED.matcher(digits).matches()) {
      digits = digits.replace(",", "").replace("，", "");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      if (column.allowNonFinite() && unit == null) {
        Double special = nonFinite(digits);
        if (special != null) {
          return new ParsedValue(special, null);
        }
      }
      throw new IllegalArgumentException("'" + text + "' is not a number" + unitsHint(column));
    }
    if (unit != null) {
      value = value.multiply(UNIT_SCALE.get(unit));
    }
    try {
      Object typed =
          switch (column.type()) {
            case INT -> value.intValueExact();
            case LONG -> value.longValueExact();
            default -> finiteDouble(value, text, column);
          };
      return new ParsedValue(typed, unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a whole number in the range of "
              + column.type().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static boolean hasExponent(String text) {
    return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
  }

  /**
   * The double nearest the exact value; past the range of a double (about ±1.8e308) it would be
   * infinite and under the smallest (about 4.9e-324) zero: both are refused unless the column
   * allows non-finite values (then an overflow is an infinity, an underflow still refused).
   */
  private static double finiteDouble(BigDecimal value, String text, ColumnSpec column) {
    double d = value.doubleValue();
    if (Double.isInfinite(d) && !column.allowNonFinite()) {
      throw new IllegalArgumentException(
          "'" + text + "' is beyond the range of a double (about ±1.8e308)");
    }
    if (d == 0 && value.signum() != 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is too small for a double (under about 4.9e-324) and would read as 0");
    }
    return d;
  }

  /** Infinity, -Infinity, inf, -inf and NaN in any case, for columns that allow them. */
  private static Double nonFinite(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> null;
    };
  }

  private static String unitsHint(ColumnSpec column) {
    return column.units().isEmpty()
        ? ""
        : " (units allowed: " + String.join(" ", column.units()) + ")";
  }
}
