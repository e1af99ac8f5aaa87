package org.egovsuite.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;

/**
 * Turns a cell's text into its column's type the way government spreadsheets write values:
 * full-width digits and signs (NFKC), thousands separators ({@code 1,234.5}, {@code 1，234}),
 * unit suffixes (万 ×10⁴, 亿 ×10⁸, % ×10⁻², ‰ ×10⁻³, recorded separately), null tokens
 * ({@code NA}, {@code -}, {@code —}, blank), and dates in the listed patterns
 * ({@code yyyy年M月} → first of the month).
 */
final class ValueParser implements Serializable {
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");
  private static final Map<String, BigDecimal> UNIT_SCALE = Map.of(
      "万", new BigDecimal("10000"), "亿", new BigDecimal("100000000"),
      "%", new BigDecimal("0.01"), "‰", new BigDecimal("0.001"));

  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private final Set<String> nullValues;
  /**
   * Length of the longest null token and the first characters of the tokens: a cell that is
   * longer or starts otherwise is no null token and is not hashed to be looked up, as most
   * cells are not.
   */
  private final int longestNull;
  private final String nullStarts;
  /** Parsed dates and timestamps by column and text: dates repeat, and parsing them is costly. */
  private transient Map<String, BoundedCache<String, ParsedValue>> temporals;

  ValueParser(List<String> nullValues) {
    this.nullValues = new HashSet<>(nullValues);
    this.longestNull = nullValues.stream().mapToInt(String::length).max().orElse(-1);
    this.nullStarts = nullValues.stream().filter(v -> !v.isEmpty()).map(v -> v.substring(0, 1)).distinct()
        .collect(Collectors.joining());
  }

  /** @throws IllegalArgumentException with a reason a steward can read */
  ParsedValue parse(String text, ColumnSpec column) {
    if (text == null) {
      return ParsedValue.NULL;
    }
    String folded = nfkc(text).strip();
    if (isNullToken(folded)) {
      return ParsedValue.NULL;
    }
    return switch (column.type()) {
      case STRING -> new ParsedValue(text, null);
      case INT, LONG, DOUBLE -> number(folded, column);
      case BOOLEAN -> new ParsedValue(bool(folded), null);
      case DATE, TIMESTAMP -> temporalCache(column).computeIfAbsent(folded, t -> temporalValue(t, column));
    };
  }

  private Map<String, ParsedValue> temporalCache(ColumnSpec column) {
    if (temporals == null) {
      temporals = new HashMap<>();
    }
    return temporals.computeIfAbsent(column.name(), c -> new BoundedCache<>(4096));
  }

  private static ParsedValue temporalValue(String text, ColumnSpec column) {
    TemporalAccessor parsed = temporal(text, column);
    return column.type() == ColumnType.DATE
        ? new ParsedValue(LocalDate.from(parsed), null)
        : new ParsedValue(dateTime(parsed).toInstant(ZoneOffset.UTC), null);
  }

  private boolean isNullToken(String folded) {
    if (folded.isEmpty()) {
      return nullValues.contains("");
    }
    return folded.length() <= longestNull && nullStarts.indexOf(folded.charAt(0)) >= 0 && nullValues.contains(folded);
  }

  /**
   * NFKC, skipped for text made only of characters that NFKC leaves alone in any context, as
   * most cells are: the JDK's normalizer would spend a table lookup per character to find that
   * out.
   */
  static String nfkc(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!nfkcInert(text.charAt(i))) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
      }
    }
    return text;
  }

  /**
   * ASCII, the CJK unified ideographs (U+4E00–U+9FFF) and the Chinese punctuation
   * 、。〃〄々〆〇〈〉《》「」『』【】 (U+3001–U+3011): none has a decomposition and none is the second character of a composition,
   * so text made only of them is its own NFKC form. Not the ideographic space U+3000 (NFKC:
   * U+0020) nor the full-width forms U+FF01–U+FF5E, which fold.
   */
  static boolean nfkcInert(char c) {
    return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3011);
  }

  /** Digits with an optional sign, point and exponent: what Double.parseDouble may be given. */
  private static boolean plainNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
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

  private static ParsedValue number(String text, ColumnSpec column) {
    if (column.units().isEmpty() && (text.indexOf(',') >= 0 || text.indexOf('，') >= 0)) {
      String ungrouped = ungroup(text);
      if (ungrouped != null && plainNumber(ungrouped)) {
        text = ungrouped;
      }
    }
    if (column.units().isEmpty() && plainNumber(text)) {
      // The fast path for the usual cell; the JDK parsers reject what BigDecimal would.
      try {
        Object fast = switch (column.type()) {
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
    if ((digits.indexOf(',') >= 0 || digits.indexOf('，') >= 0) && GROUPED.matcher(digits).matches()) {
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
      Object typed = switch (column.type()) {
        case INT -> value.intValueExact();
        case LONG -> value.longValueExact();
        default -> finiteDouble(value, text, column);
      };
      return new ParsedValue(typed, unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number in the range of " + column.type().name().toLowerCase());
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
      throw new IllegalArgumentException("'" + text + "' is beyond the range of a double (about ±1.8e308)");
    }
    if (d == 0 && value.signum() != 0) {
      throw new IllegalArgumentException("'" + text + "' is too small for a double (under about 4.9e-324) and would read as 0");
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
    return column.units().isEmpty() ? "" : " (units allowed: " + String.join(" ", column.units()) + ")";
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是" -> true;
      case "false", "no", "n", "0", "否" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true/false, yes/no, 1/0)");
    };
  }

  private static TemporalAccessor temporal(String text, ColumnSpec column) {
    for (String pattern : column.formats()) {
      DateTimeFormatter formatter = formatter(pattern);
      // A cheap trial first: a pattern that does not fit costs no exception.
      ParsePosition position = new ParsePosition(0);
      if (formatter.parseUnresolved(text, position) == null || position.getErrorIndex() >= 0
          || position.getIndex() != text.length()) {
        continue;
      }
      try {
        TemporalAccessor parsed = formatter.parse(text);
        if (!parsed.isSupported(ChronoField.DAY_OF_MONTH) && parsed.isSupported(ChronoField.MONTH_OF_YEAR)) {
          return YearMonth.from(parsed).atDay(1);
        }
        return parsed;
      } catch (DateTimeParseException e) {
        // fits the pattern but is no date (2016-02-30): try the next pattern
      }
    }
    throw new IllegalArgumentException("'" + text + "' matches none of the date formats " + column.formats());
  }

  private static LocalDateTime dateTime(TemporalAccessor parsed) {
    if (parsed instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    return parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
  }

  private static DateTimeFormatter formatter(String pattern) {
    // Case-insensitive so "12:30 pm" reads like "12:30 PM"; English month and AM/PM names.
    return FORMATTERS.computeIfAbsent(pattern,
        p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.US));
  }
}
