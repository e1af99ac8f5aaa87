package org.egovsuite.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * City government portal checklist (LOSI-style): one row per city and year with infrastructure
 * readiness measurements and ten binary online-service indicators. UTF-8 with BOM.
 */
final class PortalChecklistTable extends GeneratedTable {
  static final String NAME = "city_portal_checklist";

  /** The ten online-service indicators; harder ones (later in the list) are met less often. */
  static final List<String> SERVICES =
      List.of("站内搜索", "办事指南", "在线表单", "在线支付", "进度查询", "数据开放", "政策解读", "在线咨询", "民意征集", "投诉渠道");

  private static final List<String> HEADER =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  "城市", "年份", "HTTPS", "IPv6", "移动适配", "无障碍", "首页加载得分", "可用率"),
              SERVICES.stream())
          .toList();
  private static final int CITY = 0;
  private static final int PAGE_SPEED = 6;
  private static final int PAYMENT = 8 + 3;

  private static final Layout LAYOUT =
      new Layout(NAME, 5, Format.CSV, "UTF-8", true, "\n", HEADER, PAYMENT, PAGE_SPEED, CITY);

  PortalChecklistTable(Cities cities, GeneratorConfig config) {
    super(LAYOUT, cities, config);
  }

  /** One per city and year, whatever the scale. */
  @Override
  long records(GeneratorConfig config, double scale, int cityCount) {
    return (long) cityCount * config.years().size();
  }

  @Override
  String[] record(long i, SplittableRandom random, Tally tally) {
    int y = (int) (i / cities.size());
    GeneratedCity city = cities.get((int) (i % cities.size()));
    double cap = city.capability(y);
    String[] out = new String[8 + SERVICES.size()];
    out[CITY] = Draws.city(city, rates, random, tally);
    out[1] = Integer.toString(years.get(y));
    out[2] = Draws.bit(random, 0.3 + 0.7 * cap);
    out[3] = Draws.bit(random, 0.1 + 0.7 * cap);
    out[4] = Draws.bit(random, 0.3 + 0.65 * cap);
    out[5] = Draws.bit(random, 0.1 + 0.6 * cap);
    out[PAGE_SPEED] =
        Draws.digits(
            Long.toString(
                Math.round(Draws.clamp(40 + 50 * cap + 10 * RowRandom.gaussian(random), 0, 100))),
            rates,
            random,
            tally);
    out[7] =
        String.format(
            Locale.ROOT,
            "%.2f",
            Draws.clamp(97 + 2.5 * cap + 0.5 * RowRandom.gaussian(random), 90, 100));
    for (int k = 0; k < SERVICES.size(); k++) {
      out[8 + k] = Draws.bit(random, 0.25 + 0.75 * cap - 0.04 * k);
    }
    return out;
  }

  /** 在线支付 left blank: the city cannot be assessed that year. */

  /** The load score runs 0–100. */
  @Override
  String outOfRangeValue(String[] fields, SplittableRandom random) {
    return Integer.toString(101 + random.nextInt(100));
  }
}
