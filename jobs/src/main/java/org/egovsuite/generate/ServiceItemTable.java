package org.egovsuite.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Item-level government service catalogue (政务服务事项目录): one row per item a city department offers,
 * with its channels, the guide fields of its 办事指南 and its interactive features. UTF-8 with BOM, as
 * spreadsheet exports are. Stronger cities put more items online, on more channels, with fuller and
 * better-formed guides.
 */
final class ServiceItemTable extends GeneratedTable {
  static final String NAME = "service_items";
  private static final String[] DEPARTMENTS = {
    "公安局", "市场监督管理局", "人力资源和社会保障局", "税务局", "民政局", "卫生健康委员会", "住房和城乡建设局", "交通运输局", "教育局", "自然资源和规划局"
  };
  private static final String[] ITEMS = {
    "户口迁移",
    "企业设立登记",
    "社会保险关系转移",
    "个人所得税申报",
    "婚姻登记",
    "医师执业注册",
    "商品房预售许可",
    "道路运输经营许可",
    "教师资格认定",
    "不动产登记"
  };
  private static final int NAME_FIELD = 4;
  private static final int DEPARTMENT = 3;
  private static final int ONLINE_LEVEL = 21;

  private final double[] cumulative;

  private static final Layout LAYOUT =
      new Layout(
          NAME,
          2,
          Format.CSV,
          "UTF-8",
          true,
          "\n",
          List.of(
              "事项编码", "省份", "城市", "实施部门", "事项名称", "年份", "可在线办理", "网上办事大厅", "移动APP", "微信小程序", "实体大厅",
              "申请材料", "收费标准", "办理时限", "设定依据", "办理地点", "咨询电话", "在线申请", "进度查询", "在线咨询", "办件评价",
              "网办深度"),
          DEPARTMENT,
          ONLINE_LEVEL,
          NAME_FIELD);

  ServiceItemTable(Cities cities, GeneratorConfig config) {
    super(LAYOUT, cities, config);
    this.cumulative = cities.cumulative(c -> Math.sqrt(c.population()));
  }

  @Override
  String[] record(long i, SplittableRandom random, Tally tally) {
    int y = random.nextInt(years.size());
    GeneratedCity city = cities.pick(cumulative, random);
    double cap = city.capability(y);
    int d = random.nextInt(DEPARTMENTS.length);
    boolean online = Draws.chance(random, 0.35 + 0.6 * cap);
    String[] out = new String[header().size()];
    out[0] = String.format(java.util.Locale.ROOT, "SX%s%09d", city.code(), i + 1);
    out[1] = city.province();
    out[2] = Draws.city(city, rates, random, tally);
    out[DEPARTMENT] = DEPARTMENTS[d];
    out[NAME_FIELD] = ITEMS[d];
    out[5] = Draws.digits(Integer.toString(years.get(y)), rates, random, tally);
    out[6] = online ? "1" : "0";
    out[7] = online ? "1" : "0";
    out[8] = Draws.bit(random, 0.15 + 0.6 * cap);
    out[9] = Draws.bit(random, 0.05 + 0.6 * cap);
    out[10] = Draws.bit(random, 0.95);
    out[11] = guide(random, cap, "身份证明、申请表");
    out[12] = guide(random, cap, "不收费");
    out[13] =
        Draws.chance(random, 0.6 + 0.4 * cap)
            ? (Draws.chance(random, 0.12 * (1 - cap)) ? "尽快办理" : (1 + random.nextInt(20)) + "个工作日")
            : "";
    out[14] = guide(random, cap, "《中华人民共和国行政许可法》");
    out[15] = guide(random, cap, city.name() + "政务服务中心");
    out[16] =
        Draws.chance(random, 0.6 + 0.4 * cap)
            ? (Draws.chance(random, 0.12 * (1 - cap))
                ? "12345"
                : String.format(
                    java.util.Locale.ROOT,
                    "0%d-%08d",
                    10 + random.nextInt(990),
                    random.nextInt(100_000_000)))
            : "";
    out[17] = online ? Draws.bit(random, 0.5 + 0.5 * cap) : "0";
    out[18] = online ? Draws.bit(random, 0.4 + 0.5 * cap) : "0";
    out[19] = online ? Draws.bit(random, 0.3 + 0.6 * cap) : "0";
    out[20] = online ? Draws.bit(random, 0.2 + 0.7 * cap) : "0";
    out[ONLINE_LEVEL] =
        online
            ? Integer.toString(
                2 + (Draws.chance(random, cap) ? 1 : 0) + (Draws.chance(random, cap * cap) ? 1 : 0))
            : "1";
    return out;
  }

  private static String guide(SplittableRandom random, double cap, String text) {
    return Draws.chance(random, 0.6 + 0.4 * cap) ? text : "";
  }

  /** 网办深度 runs from 1 (information only) to 4 (fully online). */
  @Override
  String outOfRangeValue(String[] fields, SplittableRandom random) {
    return "7";
  }
}
