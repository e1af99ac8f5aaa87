package org.egovsuite.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Government social-media inventory (两微一端: Weibo, WeChat accounts and apps), one JSON object
 * per line per account and year-end snapshot. Stronger cities run more accounts, with more
 * followers, posting more and more recently.
 */
final class SocialAccountTable implements GeneratedTable {
  static final String NAME = "gov_social_accounts";
  private static final String[] PLATFORMS = {"微博", "微信", "客户端"};
  private static final double[] PLATFORM_WEIGHTS = {0.40, 0.45, 0.15};
  private static final String[] DEPARTMENTS = {"市政府办公室", "公安局", "宣传部", "文化和旅游局", "生态环境局", "卫生健康委员会",
      "市场监督管理局", "应急管理局"};
  private static final int CITY = 1;
  private static final int DEPARTMENT = 3;
  private static final int FOLLOWERS = 4;

  private final Cities cities;
  private final List<Integer> years;
  private final Messiness.Rates rates;
  private final double[][] cumulative;

  SocialAccountTable(Cities cities, GeneratorConfig config) {
    this.cities = cities;
    this.years = config.years();
    this.rates = config.ratesFor(NAME);
    this.cumulative = new double[years.size()][];
    for (int y = 0; y < years.size(); y++) {
      int year = y;
      cumulative[y] = cities.cumulative(c -> Math.sqrt(c.population()) * (0.3 + c.capability(year)));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int stream() {
    return 3;
  }

  @Override
  public Format format() {
    return Format.JSON_LINES;
  }

  @Override
  public String charset() {
    return "UTF-8";
  }

  @Override
  public List<String> header() {
    return List.of("account_id", "city", "platform", "department", "followers", "posts_last_year", "last_post_date",
        "snapshot_year");
  }

  @Override
  public long records(GeneratorConfig config, double scale, int cityCount) {
    return config.rows(NAME, scale);
  }

  @Override
  public String[] record(long i, SplittableRandom random, Tally tally) {
    int y = random.nextInt(years.size());
    GeneratedCity city = cities.pick(cumulative[y], random);
    double cap = city.capability(y);
    long followers = Math.round(Math.exp(Math.log(3000) + 3.0 * cap + 1.2 * RowRandom.gaussian(random)));
    long posts = Math.round(Math.exp(Math.log(40) + 2.5 * cap + 0.9 * RowRandom.gaussian(random)));
    // Days between the last post and the year-end snapshot: weeks for active accounts, months for dormant ones.
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
        Integer.toString(years.get(y))};
  }

  @Override
  public int nullField() {
    return DEPARTMENT;
  }

  @Override
  public int outOfRangeField() {
    return FOLLOWERS;
  }

  /** Follower counts cannot be negative. */
  @Override
  public String outOfRangeValue(String[] fields, SplittableRandom random) {
    return "-" + (1 + random.nextInt(500));
  }

  @Override
  public int malformedField() {
    return CITY;
  }
}
