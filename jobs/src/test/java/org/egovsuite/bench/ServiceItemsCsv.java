package org.egovsuite.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a service-item catalogue CSV like the ones provinces publish: mixed name forms for
 * provinces (浙江 / 浙江省 / 浙江省人民政府), Chinese text, quoted amounts with thousands separators, dates in
 * two forms, blanks. About 150 bytes a row in UTF-8. Deterministic by seed.
 */
final class ServiceItemsCsv {
  static final String HEADER =
      "id,reported,province,department,item_name,channel,online_level,fee,time_limit_days,"
          + "satisfaction,legal_basis,contact,note";
  private static final String[] PROVINCES = {
    "北京",
    "天津市",
    "河北省",
    "山西",
    "内蒙古自治区",
    "辽宁省",
    "吉林",
    "黑龙江省",
    "上海市",
    "江苏",
    "浙江省人民政府",
    "安徽省",
    "福建",
    "江西省",
    "山东",
    "河南省",
    "湖北",
    "湖南省",
    "广东",
    "广西壮族自治区",
    "海南省",
    "重庆",
    "四川省",
    "贵州",
    "云南省",
    "西藏",
    "陕西省",
    "甘肃",
    "青海省",
    "宁夏",
    "新疆维吾尔自治区",
    "新疆生产建设兵团"
  };
  private static final String[] DEPARTMENTS = {
    "公安厅", "民政厅", "人力资源和社会保障厅", "自然资源厅", "住房和城乡建设厅", "交通运输厅", "市场监督管理局", "税务局", "卫生健康委员会", "教育厅"
  };
  private static final String[] ITEMS = {
    "居民身份证换领", "营业执照变更登记", "社会保障卡申领", "不动产登记查询", "机动车驾驶证审验", "医师执业注册", "建设工程规划许可", "个体工商户注册"
  };
  private static final String[] CHANNELS = {"web", "app", "wechat", "hall"};

  private ServiceItemsCsv() {}

  static Path write(Path file, long rows, Charset charset, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 20)) {
      out.write(HEADER);
      out.write('\n');
      StringBuilder row = new StringBuilder(256);
      for (long id = 1; id <= rows; id++) {
        row.setLength(0);
        int month = 1 + random.nextInt(12);
        row.append(id).append(',');
        row.append(
                random.nextBoolean()
                    ? "2016-" + (month < 10 ? "0" : "") + month + "-15"
                    : "2016年" + month + "月")
            .append(',');
        row.append(PROVINCES[random.nextInt(PROVINCES.length)]).append(',');
        row.append(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]).append(',');
        row.append(ITEMS[random.nextInt(ITEMS.length)]).append(',');
        row.append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',');
        row.append(random.nextInt(5)).append(',');
        int fee = random.nextInt(500_000);
        row.append('"')
            .append(String.format("%,d.%02d", fee / 100, fee % 100))
            .append('"')
            .append(',');
        row.append(random.nextInt(60)).append(',');
        row.append(random.nextInt(20) == 0 ? "" : Integer.toString(60 + random.nextInt(40)))
            .append(',');
        row.append("《行政许可法》第").append(1 + random.nextInt(80)).append("条").append(',');
        row.append("0571-8").append(1_000_000 + random.nextInt(8_999_999)).append(',');
        row.append("checked by steward ").append(random.nextInt(1000)).append('\n');
        out.append(row);
      }
    }
    return file;
  }
}
