package org.egovsuite.generate;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The messiness injected into generated records. A record suffers at most one fault (decided by one
 * uniform draw), so the counts the generator reports are exactly what the ingest and quality stages
 * must find; harmless spellings (name variants, full-width digits) come on top.
 */
public final class Messiness {
  private Messiness() {}

  /** Shares of records, each between 0 and 1. */
  public record Rates(
      double nameVariants,
      double fullWidthDigits,
      double nulls,
      double duplicates,
      double malformed,
      double outOfRange)
      implements Serializable {}

  /** What is wrong with a record. */
  public enum Fault {
    NONE,
    MALFORMED,
    OUT_OF_RANGE,
    NULL,
    DUPLICATE
  }

  static Fault fault(Rates rates, SplittableRandom random) {
    double u = random.nextDouble();
    if ((u -= rates.malformed()) < 0) {
      return Fault.MALFORMED;
    }
    if ((u -= rates.outOfRange()) < 0) {
      return Fault.OUT_OF_RANGE;
    }
    if ((u -= rates.nulls()) < 0) {
      return Fault.NULL;
    }
    if ((u -= rates.duplicates()) < 0) {
      return Fault.DUPLICATE;
    }
    return Fault.NONE;
  }

  /**
   * The city's name as some office writes it: the standard name most of the time, else the name
   * without 市, with 人民政府 appended, or padded with full-width spaces.
   */
  static String cityName(GeneratedCity city, Rates rates, SplittableRandom random) {
    if (random.nextDouble() >= rates.nameVariants()) {
      return city.name();
    }
    return switch (random.nextInt(3)) {
      case 0 ->
          city.name().endsWith("市")
              ? city.name().substring(0, city.name().length() - 1)
              : city.name() + "人民政府";
      case 1 -> city.name() + "人民政府";
      default -> "\u3000" + city.name() + " ";
    };
  }

  /** Digits written full-width (０–９) in a share of records; the ingest reads them by NFKC. */
  static String digits(String number, Rates rates, SplittableRandom random) {
    if (random.nextDouble() >= rates.fullWidthDigits()) {
      return number;
    }
    StringBuilder out = new StringBuilder(number.length());
    for (char c : number.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('\uFF10' + (c - '0')) : c);
    }
    return out.toString();
  }
}
