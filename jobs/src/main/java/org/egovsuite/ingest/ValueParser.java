package org.egovsuite.ingest;

import java.io.Serializable;
import java.text.Format;
import java.text.Normalizer;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;

/**
 * Turns a cell's text into its column's type the way government spreadsheets write values:
 * full-width digits and signs (NFKC), numbers with separators and units ({@link NumberCells}), null
 * tokens ({@code NA}, {@code -}, {@code —}, blank), and dates in the listed patterns ({@code
 * yyyy年M月} → first of the month).
 */
final class ValueParser implements Serializable {
  private static final Map<String, Format> FORMATTERS = new ConcurrentHashMap<>();
  private final Set<String> nullValues;

  /**
   * Length of the longest null token and the first characters of the tokens: a cell that is longer
   * or starts otherwise is no null token and is not hashed to be looked up, as most cells are not.
   */
  private final int longestNull;

  private final String nullStarts;

  /** Parsed dates and timestamps by column and text: dates repeat, and parsing them is costly. */
  private transient Map<String, RepeatMemo<ParsedValue>> temporals;

  ValueParser(List<String> nullValues) {
    this.nullValues = new HashSet<>(nullValues);
    this.longestNull = nullValues.stream().mapToInt(String::length).max().orElse(-1);
    this.nullStarts =
        nullValues.stream()
            .filter(v -> !v.isEmpty())
            .map(v -> v.substring(0, 1))
            .distinct()
            .collect(Collectors.joining());
  }

  /**
   * @throws IllegalArgumentException with a reason a steward can read
   */
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
      case INT, LONG, DOUBLE -> NumberCells.parse(folded, column);
      case BOOLEAN -> new ParsedValue(bool(folded), null);
      case DATE, TIMESTAMP -> temporalMemo(column).get(folded, t -> temporalValue(t, column));
    };
  }

  private RepeatMemo<ParsedValue> temporalMemo(ColumnSpec column) {
    if (temporals == null) {
      temporals = new HashMap<>();
    }
    return temporals.computeIfAbsent(column.name(), c -> new RepeatMemo<>(4096));
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
    return folded.length() <= longestNull
        && nullStarts.indexOf(folded.charAt(0)) >= 0
        && nullValues.contains(folded);
  }

  /**
   * NFKC, skipped for text made only of characters that NFKC leaves alone in any context, as most
   * cells are: the JDK's normalizer would spend a table lookup per character to find that out.
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
   * ASCII, the CJK unified ideographs (U+4E00–U+9FFF) and the Chinese punctuation 、。〃〄々〆〇〈〉《》「」『』【】
   * (U+3001–U+3011): none has a decomposition and none is the second character of a composition, so
   * text made only of them is its own NFKC form. Not the ideographic space U+3000 (NFKC: U+0020)
   * nor the full-width forms U+FF01–U+FF5E, which fold.
   */
  static boolean nfkcInert(char c) {
    return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3011);
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是" -> true;
      case "false", "no", "n", "0", "否" -> false;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a boolean (true/false, yes/no, 1/0)");
    };
  }

  private static TemporalAccessor temporal(String text, ColumnSpec column) {
    for (String pattern : column.formats()) {
      if (IsoTemporalText.handles(pattern)) {
        TemporalAccessor iso = IsoTemporalText.parse(text, pattern);
        if (iso != null) {
          return iso;
        }
      }
      // The formatter's java.text.Format parses and resolves in one pass and answers null, not an
      // exception, for text that does not fit the pattern or is no date (2016-13-01): the next
      // pattern is tried. (The formatter's own parse would throw, so it needed a trial parse
      // first, doubling the work of the common case.)
      ParsePosition position = new ParsePosition(0);
      Object parsed = format(pattern).parseObject(text, position);
      if (parsed == null || position.getIndex() != text.length()) {
        continue;
      }
      TemporalAccessor value = (TemporalAccessor) parsed;
      if (!value.isSupported(ChronoField.DAY_OF_MONTH)
          && value.isSupported(ChronoField.MONTH_OF_YEAR)) {
        return YearMonth.from(value).atDay(1);
      }
      return value;
    }
    throw new IllegalArgumentException(
        "'" + text + "' matches none of the date formats " + column.formats());
  }

  private static LocalDateTime dateTime(TemporalAccessor parsed) {
    if (parsed instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    return parsed.isSupported(ChronoField.HOUR_OF_DAY)
        ? LocalDateTime.from(parsed)
        : LocalDate.from(parsed).atStartOfDay();
  }

  private static Format format(String pattern) {
    // Case-insensitive so "12:30 pm" reads like "12:30 PM"; English month and AM/PM names.
    // Strict resolving: the default (smart) resolver moves 2016-02-30 to 2016-02-29 and reads
    // 24:00:00 as the next day, i.e. it would publish a date the source never held. Strict refuses
    // them, so the row is quarantined with its text. Strict also needs an era for the year of era
    // (yyyy); the Common Era is the one government files mean.
    return FORMATTERS.computeIfAbsent(
        pattern,
        p ->
            new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT)
                .toFormat());
  }
}
