package org.egovsuite.generate;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 12345 hotline tickets (政务服务便民热线工单), GBK with CRLF as exported by city hotline systems. Cities get
 * tickets in proportion to population, more where e-government is stronger; better cities close
 * more tickets, sooner, with happier callers.
 */
final class TicketTable extends GeneratedTable {
  static final String NAME = "hotline_12345";
  private static final String[] CHANNELS = {"电话", "网站", "微信", "APP"};
  private static final double[] CHANNEL_WEIGHTS = {0.55, 0.15, 0.18, 0.12};
  private static final String[] CATEGORIES = {"咨询", "求助", "投诉", "建议", "举报"};
  private static final double[] CATEGORY_WEIGHTS = {0.35, 0.20, 0.30, 0.10, 0.05};
  private static final int CITY = 1;
  private static final int CATEGORY = 5;
  private static final int SATISFACTION = 6;

  private final double[][] cumulative;

  private static final Layout LAYOUT =
      new Layout(
          NAME,
          1,
          Format.CSV,
          "GBK",
          false,
          "\r\n",
          List.of("工单编号", "城市", "受理时间", "办结时间", "受理渠道", "诉求类别", "满意度"),
          CATEGORY,
          SATISFACTION,
          CITY);

  TicketTable(Cities cities, GeneratorConfig config) {
    super(LAYOUT, cities, config);
    this.cumulative = new double[years.size()][];
    for (int y = 0; y < years.size(); y++) {
      int year = y;
      cumulative[y] = cities.cumulative(c -> c.population() * (0.4 + c.capability(year)));
    }
  }

  @Override
  String[] record(long i, SplittableRandom random, Tally tally) {
    int y = random.nextInt(years.size());
    GeneratedCity city = cities.pick(cumulative[y], random);
    double cap = city.capability(y);
    LocalDateTime created = Draws.instantIn(years.get(y), random);
    String closed = "";
    String satisfaction = "";
    if (Draws.chance(random, 0.80 + 0.18 * cap)) {
      double hours = Math.exp(Math.log(72) - 1.2 * cap + 0.8 * RowRandom.gaussian(random));
      closed = created.plusSeconds(Math.round(hours * 3600)).format(Draws.DATE_TIME);
      if (Draws.chance(random, 0.7)) {
        long score =
            Math.round(Draws.clamp(2.8 + 2.0 * cap + 0.8 * RowRandom.gaussian(random), 1, 5));
        satisfaction = Draws.digits(Long.toString(score), rates, random, tally);
      }
    }
    return new String[] {
      String.format(java.util.Locale.ROOT, "GD%010d", i + 1),
      Draws.city(city, rates, random, tally),
      created.format(Draws.DATE_TIME),
      closed,
      Draws.oneOf(random, CHANNELS, CHANNEL_WEIGHTS),
      Draws.oneOf(random, CATEGORIES, CATEGORY_WEIGHTS),
      satisfaction
    };
  }

  /** Satisfaction is scored 1–5. */
  @Override
  String outOfRangeValue(String[] fields, SplittableRandom random) {
    return "9";
  }
}
