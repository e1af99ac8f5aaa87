package org.egovsuite.publish.brief;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.egovsuite.config.YamlNode;

/**
 * How a figure's number is printed: {@code decimals N}, {@code percent N} (a 0–1 share × 100) or
 * {@code integer} (grouped), half-up from the value's shortest decimal form as the report rounds
 * ({@link Numbers}); {@code abs} first prints the magnitude, the template saying above or below.
 */
record NumberFormat(Kind kind, int places, boolean abs) {
  enum Kind {
    DECIMALS,
    PERCENT,
    INTEGER,
    PLAIN
  }

  /** Whole numbers as they are (a year, a count), others with two decimals. */
  static NumberFormat defaultFor(Object value) {
    boolean whole =
        value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof java.math.BigInteger;
    return whole
        ? new NumberFormat(Kind.PLAIN, 0, false)
        : new NumberFormat(Kind.DECIMALS, 2, false);
  }

  static NumberFormat parse(YamlNode node) {
    String text = node.asString().trim().toLowerCase(Locale.ROOT);
    boolean abs = text.startsWith("abs ");
    String rest = abs ? text.substring(4).trim() : text;
    String[] parts = rest.split("\\s+");
    try {
      return switch (parts[0]) {
        case "integer" -> new NumberFormat(Kind.INTEGER, 0, abs);
        case "decimals" -> new NumberFormat(Kind.DECIMALS, Integer.parseInt(parts[1]), abs);
        case "percent" -> new NumberFormat(Kind.PERCENT, Integer.parseInt(parts[1]), abs);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw node.error(
          "format '"
              + node.asString()
              + "': expected \"decimals N\", \"percent N\" or \"integer\", "
              + "optionally after \"abs\"");
    }
  }

  String apply(Object value) {
    BigDecimal d = Numbers.decimal(value);
    if (abs) {
      d = d.abs();
    }
    return switch (kind) {
      case PLAIN -> d.toPlainString();
      case INTEGER ->
          String.format(Locale.ROOT, "%,d", d.setScale(0, RoundingMode.HALF_UP).toBigInteger());
      case DECIMALS -> d.setScale(places, RoundingMode.HALF_UP).toPlainString();
      case PERCENT -> d.movePointRight(2).setScale(places, RoundingMode.HALF_UP).toPlainString();
    };
  }
}
