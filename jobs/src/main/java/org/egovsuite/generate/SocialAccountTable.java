package org.egovsuite.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Government social-media inventory (两微一端: Weibo, WeChat accounts and apps), one JSON object per
 * line per account and year-end snapshot. Stronger cities run more accounts, with more followers,
 * posting more and more recently.
 */
final class SocialAccountTable extends GeneratedTable {
  static final String NAME = "gov_social_accounts";
  private static final String[] PLATFORMS = {"微博", "微信", "客户端"};
  private static final double[] PLATFORM_WEIGHTS = {0.40, 0.45, 0.15};
  private static final String[] DEPARTMENTS = {
    "市政府办公室", "公安局", "宣传部", "文化和旅游局", "生态环境局", "卫生健康委员会", "市场监督管理局", "应急管理局"
  };
  private static final int CITY = 1;
  private static final int DEPARTMENT = 3;
  private static final int FOLLOWERS = 4;

  private final double[][] cumulative;

  private static final Layout LAYOUT =
      new Layout(
          NAME,
          3,
          Format.JSON_LINES,
          "UTF-8",
          false,
          "\n",
          List.of(
              "account_id",
              "city",
              "platform",
              "department",
              "followers",
              "posts_last_year",
              "last_post_date",
              "snapshot_year"),
          DEPARTMENT,
          FOLLOWERS,
          CITY);

  SocialAccountTable(Cities cities, GeneratorConfig config) {
    super(LAYOUT, cities, config);
    this.cumulative = new double[years.size()][];
    for (int y = 0; y < years.size(); y++) {
      int year = y;
      cumulative[y] =
          cities.cumulative(c -> Math.sqrt(c.population()) * (0.3 + c.capability(year)));
    }
  }

  @Override
  String[] record(long i, SplittableRandom random, Tally tally) {
    int y = random.nextInt(years.size());
    GeneratedCity city = cities.pick(cumulative[y], random);
    double cap = city.capability(y);
    long followers =
        Math.round(Math.exp(Math.log(3000) + 3.0 * cap + 1.2 * RowRandom.gaussian(random)));
    long posts = Math.round(Math.exp(Math.log(40) + 2.5 * cap + 0.9 * RowRandom.gaussian(random)));
    // Days between the last post and the year-end snapshot: weeks for active accounts, months for
    // dormant ones.
    long idle = Math.round(-Math.log(1.0 - random.nextDouble()) * (15 + 200 * (1 - cap)));
    LocalDate snapshot = LocalDate.of(years.get(y), 12, 31);
    return new String[] {
      String.format(java.util.Locale.ROOT, "ZW%010d", i + 1),
      Draws.city(city, rates, random, tally),
      Draws.oneOf(random, PLATFORMS, PLATFORM_WEIGHTS),
      DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
      Draws.digits(Long.toString(followers), rates, random, tally),
      Long.toString(posts),
      snapshot.minusDays(idle).format(Draws.DATE),
      Integer.toString(years.get(y))
    };
  }

  /** Follower counts cannot be negative. */
  @Override
  String outOfRangeValue(String[] fields, SplittableRandom random) {
    return "-" + (1 + random.nextInt(500));
  }
}
