package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.egovsuite.testing.Chromium;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/egov brief} on the bundled run. Expected sentences and figures are the report digest's
 * (../shared/seed, ../shared/docs/domain.md: 2015 mean 76.48, 15 of 32 above it = 46.88%; bands 2 /
 * 12 / 13 / 5 = 6.25 / 37.50 / 40.63 / 15.63%; high-or-above mean 85.10, +11.27%; medium 72.21,
 * −5.58%; low 63.43, −17.06%; top five 浙江, 江苏, 湖南, 四川, 湖北; low band 陕西, 云南, 山西, 重庆, 西藏; dimension
 * means 78.17, 77.98, 77.09, 70.73). The security sentence's rate comes from the generated
 * vulnerability notices (2017: 761 of 1,480 fixed within 30 days = 51.4%; 2018: 824 of 1,500 =
 * 54.9%; the digest's 52.7% is not a target).
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
class BriefCommandTest {
  @TempDir Path dir;

  @Test
  void theChineseBriefStatesTheDigestsSentencesWithComputedFiguresAndPrintsToPdf()
      throws Exception {
    String warehouse = BundledRun.warehouse().toString();
    java.util.Set<Path> profilesBefore = chromiumProfiles();
    CliRun run =
        CliRun.of("brief", "--lang", "zh", "--warehouse", warehouse, "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // Chromium's profile folder is removed once it has printed (each was ~2.4 MB).
    assertThat(chromiumProfiles()).isSubsetOf(profilesBefore);
    String zh = Files.readString(dir.resolve("brief-zh.html"));
    assertThat(zh)
        .contains(
            "省级政府网上政务服务能力排名前五位的省级政府分别为：浙江省、江苏省、湖南省、四川省和湖北省。",
            "省级政府网上政务服务能力指数平均值为76.48，15个省级政府的指数超过全国指数平均值，占比为46.88%。",
            "浙江和江苏2个省级政府的网上政务服务能力指数为“非常高”（＞90），占比为6.25%。",
            "湖南、四川、湖北等12个省级政府的网上政务服务能力指数为“高”（80~90），占比为37.50%。",
            "这14个省级政府网上政务服务能力指数平均值为85.10，高于全国指数平均值11.27%。",
            "13个省级政府的网上政务服务能力指数为“中”（65~80），占比为40.63%。",
            "这13个省级政府网上政务服务能力指数平均值为72.21，低于全国指数平均值5.58%。",
            "陕西、云南、山西、重庆和西藏5个省级政府的网上政务服务能力指数为“低”（＜65），占比为15.63%。",
            "这5个省级政府网上政务服务能力指数平均值为63.43，低于全国指数平均值17.06%。",
            "办事指南准确性相对较好，指数平均值为78.17。在线服务交互性和服务方式完备性次之，指数平均值分别为77.98和77.09，"
                + "服务事项覆盖性相对较弱，指数平均值为70.73。",
            "2017年，抽查的政府部门网站系统漏洞隔月修复率仅为51.4%",
            "2018年，抽查的政府部门网站系统漏洞隔月修复率仅为54.9%");
    // the city section: its leaders in rank order as the published table holds them (read with
    // Iceberg's own Parquet reader), said to be synthetic (the portal checklists are generated)
    assertThat(zh)
        .contains("城市电子政务发展指数排名前五位的城市分别为：" + cityLeaders() + "。")
        .contains("本节数据为合成数据：city_portal_checklist");
    // synthetic inputs said at the top of the sections that use them
    String security = zh.substring(zh.indexOf("<section id=\"security\">"));
    assertThat(security.substring(0, security.indexOf("隔月修复率")))
        .contains("漏洞通报数据为合成数据：vulnerability_notices");
    assertThat(zh.substring(zh.indexOf("<section id=\"province_capability\">")))
        .contains("本节数据为合成数据：province_service_scores");
    assertThat(zh).doesNotContainPattern("(src|href)=\"(https?:)?//");

    Path html = dir.resolve("brief-zh.html");
    Chromium.Page page = Chromium.load(html, dir);
    assertThat(page.console()).isEmpty();
    assertThat(page.dom()).contains("这14个省级政府网上政务服务能力指数平均值为85.10");
    Chromium.screenshot(html, dir, "brief-zh", 1000, 2200);
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("brief-zh.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text)
          .contains(
              "76.48", "46.88%", "6.25%", "37.50%", "40.63%", "15.63%", "85.10", "11.27%", "72.21",
              "63.43", "17.06%", "51.4%", "54.9%", "浙江省", "隔月修复率");
    }
  }

  /** The top five cities of the latest year, joined as the report joins names (、 and 和). */
  private static String cityLeaders() {
    org.apache.iceberg.Table table =
        org.egovsuite.testing.Published.table(BundledRun.warehouse(), "city_egov_index");
    long snapshot = table.currentSnapshot().snapshotId();
    java.util.List<String> columns = org.egovsuite.warehouse.SnapshotRows.columns(table, snapshot);
    int year = columns.indexOf("year");
    int rank = columns.indexOf("rank");
    int city = columns.indexOf("city");
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    org.egovsuite.warehouse.SnapshotRows.read(table, snapshot, rows::add);
    int latest = rows.stream().mapToInt(r -> ((Number) r[year]).intValue()).max().orElseThrow();
    java.util.List<String> top =
        rows.stream()
            .filter(r -> ((Number) r[year]).intValue() == latest && r[rank] != null)
            .sorted(java.util.Comparator.comparingInt(r -> ((Number) r[rank]).intValue()))
            .limit(5)
            .map(r -> String.valueOf(r[city]))
            .toList();
    return String.join("、", top.subList(0, 4)) + "和" + top.get(4);
  }

  @Test
  void theEnglishBriefCarriesTheSameFigures() throws Exception {
    CliRun run =
        CliRun.of(
            "brief",
            "--lang",
            "en",
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("brief-en.html")))
        .contains(
            "The five provincial governments ranked highest are 浙江省, 江苏省, 湖南省, 四川省 and 湖北省.",
            "The mean provincial capability index is 76.48; 15 provincial governments are above the national mean, a "
                + "share of 46.88%.",
            "a share of 6.25%",
            "a share of 37.50%",
            "a share of 40.63%",
            "a share of 15.63%",
            "mean index of 85.10, 11.27% above the national mean",
            "mean index of 72.21, 5.58% below the national mean",
            "mean index of 63.43, 17.06% below the national mean",
            "陕西, 云南, 山西, 重庆 and 西藏",
            "In 2017, only 51.4% of the vulnerabilities",
            "In 2018, only 54.9% of the vulnerabilities",
            "The vulnerability notices are synthetic: vulnerability_notices");
  }

  @Test
  void aRewordedTemplateSentenceChangesTheBriefWithoutCode() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"));
    Path template = home.resolve("conf/brief/zh.mustache");
    Projects.write(template, Projects.read(template).replace("{{bestZh}}相对较好", "{{bestZh}}表现最好"));
    CliRun run =
        CliRun.of(
            "brief",
            "--lang",
            "zh",
            "--home",
            home.toString(),
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("out/brief-zh.html")))
        .contains("办事指南准确性表现最好，指数平均值为78.17。")
        .doesNotContain("相对较好");
  }

  /**
   * A 2015 brief cites the UN survey before it (2014: China 0.54501, rank 70, as the UN published
   * it).
   */
  @Test
  void aYearTheTableLacksTakesTheLatestPeriodBeforeIt() throws Exception {
    CliRun run =
        CliRun.of(
            "brief",
            "--lang",
            "zh",
            "--year",
            "2015",
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("brief-zh.html")))
        .contains("在联合国2014年电子政务调查中，中国的电子政务发展指数为0.5450")
        .contains("排名第70位")
        .contains("省级政府网上政务服务能力（2015年）");
  }

  @Test
  void aChartNamingAColumnItsFigureLacksIsRefusedNamingTheFileAndChart() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"));
    Path figures = home.resolve("conf/brief/figures.yaml");
    String text = Projects.read(figures);
    assertThat(text).contains("figure: city_top10, label: name, value: egov_index}");
    Projects.write(
        figures,
        text.replace(
            "figure: city_top10, label: name, value: egov_index}",
            "figure: city_top10, label: name, value: egov_idx}"));
    CliRun run =
        CliRun.of(
            "brief",
            "--lang",
            "zh",
            "--home",
            home.toString(),
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains(
            "conf/brief/figures.yaml: chart 'city_top10_bars': value 'egov_idx' is not a column "
                + "of figure 'city_top10'");
    assertThat(dir.resolve("out/brief-zh.html")).doesNotExist();
  }

  /** The profile folders of the brief's Chromium (BriefWriter) in the temporary folder. */
  private static java.util.Set<Path> chromiumProfiles() throws java.io.IOException {
    try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("egov-chromium"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
