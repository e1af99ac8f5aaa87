package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.junit.jupiter.api.Test;

class ValueParserTest {
  private final ValueParser parser = new ValueParser(DatasetDefinition.DEFAULT_NULL_VALUES);
  private static final ColumnSpec DOUBLE = new ColumnSpec("x", "x", ColumnType.DOUBLE);
  private static final ColumnSpec LONG = new ColumnSpec("x", "x", ColumnType.LONG);
  private static final ColumnSpec WITH_UNITS =
      new ColumnSpec("x", "x", ColumnType.DOUBLE, List.of(), List.of("万", "亿", "%", "‰"));

  @Test
  void thousandsSeparatorsAndFullWidthDigits() {
    assertThat(parser.parse("1,234.5", DOUBLE).value()).isEqualTo(1234.5);
    assertThat(parser.parse("1，234", LONG).value()).isEqualTo(1234L);
    assertThat(parser.parse("１２３４５", LONG).value()).isEqualTo(12345L);
    assertThat(parser.parse("－３．５", DOUBLE).value()).isEqualTo(-3.5);
    assertThat(parser.parse(" 42 ", LONG).value()).isEqualTo(42L);
  }

  @Test
  void groupingIsCheckedDigitByDigit() {
    assertThat(NumberCells.ungroup("1,234,567.25")).isEqualTo("1234567.25");
    assertThat(NumberCells.ungroup("-12,345")).isEqualTo("-12345");
    assertThat(NumberCells.ungroup("123，456")).isEqualTo("123456");
    assertThat(NumberCells.ungroup("1234,567")).as("four digits before a separator").isNull();
    assertThat(NumberCells.ungroup("1,23")).isNull();
    assertThat(NumberCells.ungroup("1,2345")).isNull();
    assertThat(NumberCells.ungroup(",123")).isNull();
    assertThat(NumberCells.ungroup("12")).as("nothing to ungroup").isNull();
  }

  @Test
  void misplacedSeparatorsAreNotNumbers() {
    assertThatThrownBy(() -> parser.parse("1,23", DOUBLE)).hasMessage("'1,23' is not a number");
    assertThatThrownBy(() -> parser.parse("12a", LONG)).hasMessage("'12a' is not a number");
    assertThatThrownBy(() -> parser.parse("1.5", LONG))
        .hasMessage("'1.5' is not a whole number in the range of long");
  }

  @Test
  void unitsScaleTheValueAndAreRecorded() {
    // 3.5万 = 35,000; 2亿 = 200,000,000; 12.5% = 0.125; 7‰ = 0.007
    assertThat(parser.parse("3.5万", WITH_UNITS)).isEqualTo(new ParsedValue(35000.0, "万"));
    assertThat(parser.parse("2亿", WITH_UNITS)).isEqualTo(new ParsedValue(2.0e8, "亿"));
    assertThat(parser.parse("12.5%", WITH_UNITS)).isEqualTo(new ParsedValue(0.125, "%"));
    assertThat(parser.parse("7‰", WITH_UNITS)).isEqualTo(new ParsedValue(0.007, "‰"));
    assertThat(parser.parse("12", WITH_UNITS)).isEqualTo(new ParsedValue(12.0, null));
    assertThatThrownBy(() -> parser.parse("12%", DOUBLE)).hasMessage("'12%' is not a number");
  }

  @Test
  void nullTokens() {
    for (String token : List.of("", "  ", "NA", "N/A", "-", "—", "--", "－")) {
      assertThat(parser.parse(token, DOUBLE)).as("'%s'", token).isEqualTo(ParsedValue.NULL);
    }
    assertThat(
            new ValueParser(List.of("", "(blank)"))
                .parse("(blank)", new ColumnSpec("x", "x", ColumnType.STRING)))
        .isEqualTo(ParsedValue.NULL);
  }

  @Test
  void datesInTheFormsFoundInTheData() {
    ColumnSpec date =
        new ColumnSpec(
            "d", "d", ColumnType.DATE, List.of("yyyy年M月", "yyyy-MM-dd", "MM/dd/yyyy"), List.of());
    assertThat(parser.parse("2016年4月", date).value()).isEqualTo(LocalDate.parse("2016-04-01"));
    assertThat(parser.parse("２０１６年４月", date).value()).isEqualTo(LocalDate.parse("2016-04-01"));
    assertThat(parser.parse("2016-04-01", date).value()).isEqualTo(LocalDate.parse("2016-04-01"));
    assertThat(parser.parse("03/11/2021", date).value()).isEqualTo(LocalDate.parse("2021-03-11"));
    assertThatThrownBy(() -> parser.parse("2016/13/01", date))
        .hasMessageContaining("matches none of the date formats");
    // Text that fits a pattern's shape but is no date in it (month 13) falls to the next pattern.
    ColumnSpec either =
        new ColumnSpec("e", "e", ColumnType.DATE, List.of("yyyy-MM-dd", "yyyy-dd-MM"), List.of());
    assertThat(parser.parse("2016-13-01", either).value()).isEqualTo(LocalDate.parse("2016-01-13"));
    assertThat(parser.parse("2016-01-13", either).value()).isEqualTo(LocalDate.parse("2016-01-13"));

    ColumnSpec stamp =
        new ColumnSpec("t", "t", ColumnType.TIMESTAMP, List.of("MM/dd/yyyy hh:mm:ss a"), List.of());
    assertThat(parser.parse("04/01/2016 12:30:00 AM", stamp).value())
        .hasToString("2016-04-01T00:30:00Z");
    assertThat(parser.parse("04/01/2016 12:30:00 pm", stamp).value())
        .hasToString("2016-04-01T12:30:00Z");
  }

  @Test
  void daysAndHoursThatDoNotExistAreRefusedNotMoved() {
    // 2016 is a leap year, 2015 is not; February has no 30th in either. A smart resolver would
    // publish 2016-02-29 for "2016-02-30" and the next day for 24:00:00: a value the source never
    // held. Each pattern below is one IsoTemporalText reads from its digits and one only the
    // JDK's formatter reads, so both paths are held to it.
    for (String pattern : List.of("yyyy-MM-dd", "dd/MM/yyyy")) {
      ColumnSpec date =
          new ColumnSpec("d", "d " + pattern, ColumnType.DATE, List.of(pattern), List.of());
      String leapDay = pattern.startsWith("y") ? "2016-02-29" : "29/02/2016";
      assertThat(parser.parse(leapDay, date).value()).isEqualTo(LocalDate.parse("2016-02-29"));
      for (String missing :
          pattern.startsWith("y")
              ? List.of("2016-02-30", "2015-02-29", "2016-04-31", "0000-01-01")
              : List.of("30/02/2016", "29/02/2015", "31/04/2016", "01/01/0000")) {
        assertThatThrownBy(() -> parser.parse(missing, date))
            .as(pattern + " " + missing)
            .hasMessageContaining("'" + missing + "' matches none of the date formats");
      }
    }
    for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss")) {
      ColumnSpec stamp =
          new ColumnSpec("t", "t " + pattern, ColumnType.TIMESTAMP, List.of(pattern), List.of());
      String midnight = pattern.charAt(4) == '-' ? "2016-04-01 24:00:00" : "2016/04/01 24:00:00";
      assertThatThrownBy(() -> parser.parse(midnight, stamp))
          .as(pattern)
          .hasMessageContaining("matches none of the date formats");
    }
  }

  @Test
  void isoTextReadFromItsDigitsGivesTheFormattersValue() {
    // Each ISO pattern beside a spelling of it that IsoTemporalText does not handle (a quoted
    // separator), so the second goes through the JDK's formatter alone. Random texts of the
    // pattern's shape, with values out of range (month 13, 2016-02-30, hour 24, year 0000) and
    // now and then a character out of place: both must give the same value or both refuse it.
    List<List<String>> pairs =
        List.of(
            List.of("yyyy-MM-dd", "yyyy'-'MM-dd"),
            List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd' 'HH:mm:ss"),
            List.of("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH':'mm:ss"));
    Random random = new Random(11);
    int checked = 0;
    for (List<String> pair : pairs) {
      for (ColumnType type : List.of(ColumnType.DATE, ColumnType.TIMESTAMP)) {
        // Names of their own: the parser memoises parsed cells by column name.
        String name = pair.get(0) + " " + type;
        ColumnSpec fast = new ColumnSpec("f", "f " + name, type, List.of(pair.get(0)), List.of());
        ColumnSpec formatter =
            new ColumnSpec("g", "g " + name, type, List.of(pair.get(1)), List.of());
        for (int i = 0; i < 20_000; i++) {
          String text = isoShapedText(random, pair.get(0));
          Object expected = valueOrError(formatter, text);
          assertThat(valueOrError(fast, text)).as(pair.get(0) + " " + text).isEqualTo(expected);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(120_000);
  }

  private Object valueOrError(ColumnSpec column, String text) {
    try {
      return parser.parse(text, column).value();
    } catch (IllegalArgumentException e) {
      return "refused";
    }
  }

  private static String isoShapedText(Random random, String pattern) {
    String date =
        String.format(
            "%04d-%02d-%02d",
            random.nextInt(3) == 0 ? random.nextInt(3) : 1990 + random.nextInt(40),
            random.nextInt(14),
            random.nextInt(33));
    String text =
        pattern.length() == 10
            ? date
            : date
                + (pattern.contains("'T'") ? "T" : " ")
                + String.format(
                    "%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
    if (random.nextInt(10) == 0) {
      char[] chars = text.toCharArray();
      chars[random.nextInt(chars.length)] = "x-: T9".charAt(random.nextInt(6));
      text = new String(chars);
    }
    return text;
  }

  @Test
  void theNfkcShortcutGivesTheJdkNormalizersResult() {
    // Every character the shortcut passes is its own NFKC form on its own ...
    for (char c = 0; c < 0xFFFF; c++) {
      if (ValueParser.nfkcInert(c)) {
        assertThat(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC))
            .as("U+%04X", (int) c)
            .isEqualTo(String.valueOf(c));
      }
    }
    // ... and next to any other: random texts of inert characters, and of inert ones mixed with
    // characters that fold (full-width digits and letters, the ideographic space, a combining acute
    // accent after an ASCII letter, a compatibility ideograph).
    String inert = "aZ09 ,.-_/()北京市浙江省人民政府、。《》「」【】〇々";
    String folding = "０９ＡＺ（）\u3000\u0301豈㎏";
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      boolean mixed = i % 2 == 1;
      for (int n = 1 + random.nextInt(8); n > 0; n--) {
        String from = mixed && random.nextInt(4) == 0 ? folding : inert;
        text.append(from.charAt(random.nextInt(from.length())));
      }
      String t = text.toString();
      assertThat(ValueParser.nfkc(t))
          .as(t)
          .isEqualTo(Normalizer.normalize(t, Normalizer.Form.NFKC));
    }
    assertThat(ValueParser.nfkc("北京\u3000１２")).isEqualTo("北京 12");
  }

  @Test
  void nullTokensAreFoundWhateverTheirLengthOrFirstCharacter() {
    ValueParser custom = new ValueParser(List.of("", "(blank)", "无", "0000"));
    ColumnSpec text = new ColumnSpec("x", "x", ColumnType.STRING);
    for (String token : List.of("", " ", "(blank)", " (blank) ", "无", "０００0", "（blank）")) {
      assertThat(custom.parse(token, text)).as("'%s'", token).isEqualTo(ParsedValue.NULL);
    }
    for (String value : List.of("(blank", "(blanks)", "无锡", "000", "00000", "blank")) {
      assertThat(custom.parse(value, text).value()).as("'%s'", value).isEqualTo(value);
    }
  }
}
