package org.egovsuite.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Small draws shared by the generated tables. */
final class Draws {
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private Draws() {}

  static boolean chance(SplittableRandom random, double p) {
    return random.nextDouble() < clamp(p, 0, 1);
  }

  static String bit(SplittableRandom random, double p) {
    return chance(random, p) ? "1" : "0";
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** One of {@code values} with the given weights (need not sum to 1). */
  static String oneOf(SplittableRandom random, String[] values, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < values.length; i++) {
      if ((u -= weights[i]) < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  static LocalDateTime instantIn(int year, SplittableRandom random) {
    LocalDate start = LocalDate.of(year, 1, 1);
    int days = start.lengthOfYear();
    return start.atStartOfDay().plusSeconds(random.nextLong(days * 86_400L));
  }

  static String city(
      GeneratedCity city, Messiness.Rates rates, SplittableRandom random, Tally tally) {
    String name = Messiness.cityName(city, rates, random);
    if (!name.equals(city.name())) {
      tally.add(Tally.Kind.NAME_VARIANT);
    }
    return name;
  }

  static String digits(String number, Messiness.Rates rates, SplittableRandom random, Tally tally) {
    String written = Messiness.digits(number, rates, random);
    if (!written.equals(number)) {
      tally.add(Tally.Kind.FULL_WIDTH_DIGITS);
    }
    return written;
  }
}
