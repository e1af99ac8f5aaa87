package org.egovsuite.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.egovsuite.config.ColumnSpec;

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

  ValueParser(List<String> nullValues) {
    this.nullValues = new HashSet<>(nullValues);
  }

  /** @throws IllegalArgumentException with a reason a steward can read */
  ParsedValue parse(String text, ColumnSpec column) {
    if (text == null) {
      return ParsedValue.NULL;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (nullValues.contains(folded)) {
      return ParsedValue.NULL;
    }
    return switch (column.type()) {
      case STRING -> new ParsedValue(text, null);
      case INT, LONG, DOUBLE -> number(folded, column);
      case BOOLEAN -> new ParsedValue(bool(folded), null);
      case DATE -> new ParsedValue(Date.valueOf(LocalDate.from(temporal(folded, column))), null);
      case TIMESTAMP -> new ParsedValue(Timestamp.from(dateTime(temporal(folded, column)).toInstant(ZoneOffset.UTC)), null);
    };
  }

  private static ParsedValue number(String text, ColumnSpec column) {
    String unit = null;
    String digits = text;
    for (String u : column.units()) {
      if (digits.endsWith(u)) {
        unit = u;
        digits = digits.substring(0, digits.length() - u.length()).strip();
        break;
      }
    }
    if (GROUPED.matcher(digits).matches()) {
      digits = digits.replace(",", "").replace("，", "");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number" + unitsHint(column));
    }
    if (unit != null) {
      value = value.multiply(UNIT_SCALE.get(unit));
    }
    try {
      Object typed = switch (column.type()) {
        case INT -> value.intValueExact();
        case LONG -> value.longValueExact();
        default -> value.doubleValue();
      };
      return new ParsedValue(typed, unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number in the range of " + column.type().name().toLowerCase());
    }
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
      try {
        TemporalAccessor parsed = formatter(pattern).parse(text);
        if (!parsed.isSupported(ChronoField.DAY_OF_MONTH) && parsed.isSupported(ChronoField.MONTH_OF_YEAR)) {
          return YearMonth.from(parsed).atDay(1);
        }
        return parsed;
      } catch (DateTimeParseException e) {
        // try the next pattern
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
