package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovsuite.testing.Chromium;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sections of the brief beyond the provincial paragraphs (BriefCommandTest), on the bundled
 * run. Expected figures are computed here from what the brief does not read: the UN survey file
 * (China 2022: EGDI 0.8119, rank 43 of 193, as the UN published it), the .gov domain file (contacts
 * counted row by row), and the unit rows of the published tables read with Iceberg's own reader
 * (tier means, Pearson's r, ticket totals), not the summary tables the brief quotes.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
class BriefSectionsTest {
  @TempDir static Path dir;
  private static String zh;
  private static String en;

  @BeforeAll
  static void writeBothLanguages() throws Exception {
    CliRun run =
        CliRun.of(
            "brief", "--warehouse", BundledRun.warehouse().toString(), "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    zh = Files.readString(dir.resolve("brief-zh.html"));
    en = Files.readString(dir.resolve("brief-en.html"));
  }

  @Test
  void unEgdiSectionStatesChinasPublishedPlace() {
    assertThat(text(section(zh, "un_egdi")))
        .contains(
            "在联合国2022年电子政务调查中，中国的电子政务发展指数为0.8119",
            "在193个国家中排名第43位，属于“非常高”组，排名较2020年上升2位",
            "在线服务指数为0.8876",
            "电子参与指数为0.8636");
    assertThat(text(section(en, "un_egdi")))
        .contains(
            "China's EGDI is 0.8119", "ranked 43 of 193 countries", "2 places higher than in 2020");
  }

  @Test
  void securitySectionCountsDotGovContactsAsTheDomainFileHasThem() throws Exception {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    List<String[]> rows =
        new CsvParser(settings)
            .parseAll(Projects.data("us-dotgov-domains/current-full.csv").toFile(), "UTF-8");
    long withContact =
        rows.stream()
            .map(r -> r[6])
            .filter(c -> c != null && !c.isBlank() && !c.equals("(blank)"))
            .count();
    String share = percent(withContact, rows.size(), 1);
    assertThat(text(section(zh, "security")))
        .contains(
            "美国.gov域名中，"
                + grouped(rows.size())
                + "个域名有"
                + grouped(withContact)
                + "个登记了安全联系人，占比为"
                + share
                + "%");
    assertThat(text(section(en, "security")))
        .contains(
            grouped(withContact)
                + " of "
                + grouped(rows.size())
                + " US .gov domains list a security contact, a share of "
                + share
                + "%");
  }

  @Test
  void citySectionGivesTierMeansCorrelationAndPerformersFromTheUnitRows() {
    List<Map<String, Object>> units = Published.rows(BundledRun.warehouse(), "city_egov_index");
    int year =
        units.stream().mapToInt(r -> ((Number) r.get("year")).intValue()).max().orElseThrow();
    List<Map<String, Object>> ranked =
        units.stream()
            .filter(r -> ((Number) r.get("year")).intValue() == year && r.get("egov_index") != null)
            .toList();
    double all =
        ranked.stream()
            .mapToDouble(r -> ((Number) r.get("egov_index")).doubleValue())
            .average()
            .orElseThrow();
    Map<String, double[]> tiers = new TreeMap<>();
    for (Map<String, Object> r : ranked) {
      if (r.get("tier") != null) {
        double[] t = tiers.computeIfAbsent(String.valueOf(r.get("tier")), k -> new double[2]);
        t[0] += ((Number) r.get("egov_index")).doubleValue();
        t[1]++;
      }
    }
    String city = text(section(zh, "city_egov_index"));
    tiers.forEach(
        (tier, t) -> {
          double mean = t[0] / t[1];
          double gap = (mean - all) * 100 / all;
          assertThat(city)
              .contains(
                  tier
                      + "（"
                      + (int) t[1]
                      + "个）指数平均值为"
                      + half(mean, 2)
                      + "，"
                      + (gap < 0 ? "低于" : "高于")
                      + "全部城市平均值"
                      + half(Math.abs(gap), 2)
                      + "%");
        });
    // Pearson's r over the cities with GDP per capita, by its textbook formula
    List<double[]> xy = new ArrayList<>();
    for (Map<String, Object> r : ranked) {
      if (r.get("gdp_per_capita_yuan") != null) {
        xy.add(
            new double[] {
              ((Number) r.get("gdp_per_capita_yuan")).doubleValue(),
              ((Number) r.get("egov_index")).doubleValue()
            });
      }
    }
    double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = xy.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
    double sxx = xy.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
    double syy = xy.stream().mapToDouble(p -> (p[1] - my) * (p[1] - my)).sum();
    double r = sxy / Math.sqrt(sxx * syy);
    assertThat(city).contains("在有人均地区生产总值数据的" + xy.size() + "个主要城市中，两者的皮尔逊相关系数为" + half(r, 2));
    List<String> over =
        ranked.stream()
            .filter(u -> "over".equals(String.valueOf(u.get("performance"))))
            .sorted(
                (a, b) ->
                    Double.compare(
                        ((Number) b.get("residual_z")).doubleValue(),
                        ((Number) a.get("residual_z")).doubleValue()))
            .map(u -> String.valueOf(u.get("city")))
            .toList();
    assertThat(over).isNotEmpty();
    assertThat(city)
        .contains(
            "高于拟合线），如"
                + String.join("、", over.subList(0, over.size() - 1))
                + "和"
                + over.get(over.size() - 1));
    // the scatter has one point per city with GDP and the fitted line
    String scatter = section(zh, "city_egov_index");
    scatter = scatter.substring(scatter.indexOf("aria-label=\"city_economy_scatter\""));
    scatter = scatter.substring(0, scatter.indexOf("</svg>"));
    assertThat(scatter.split("<circle", -1)).hasSize(xy.size() + 1);
    assertThat(scatter).contains("class=\"fitted\"");
  }

  @Test
  void eParticipationTotalsAgreeWithThePerCityTable() {
    List<Map<String, Object>> cities =
        Published.rows(BundledRun.warehouse(), "hotline_12345_service");
    int year =
        cities.stream().mapToInt(r -> ((Number) r.get("year")).intValue()).max().orElseThrow();
    long tickets = 0;
    double closed = 0;
    int n = 0;
    for (Map<String, Object> r : cities) {
      if (((Number) r.get("year")).intValue() == year) {
        long t = ((Number) r.get("tickets")).longValue();
        tickets += t;
        closed += ((Number) r.get("closure_rate")).doubleValue() * t;
        n++;
      }
    }
    String section = section(zh, "e_participation");
    assertThat(section).contains("12345热线数据为合成数据");
    assertThat(text(section))
        .contains(
            year
                + "年，"
                + n
                + "个城市的12345热线共受理工单"
                + grouped(tickets)
                + "件，办结率为"
                + half(closed * 100 / tickets, 1)
                + "%。");
    // 311 is real (the NYC Open Data sample): no synthetic note there
    assertThat(text(section)).contains("纽约市311服务（样本数据）2022年受理服务请求924件");
    assertThat(section(zh, "mobile_government")).contains("本节数据为合成数据：gov_social_accounts");
  }

  @Test
  void theProvincialMapColoursEveryBandAsTheDigestCountsThem() throws Exception {
    String province = section(zh, "province_capability");
    assertThat(province)
        .contains(
            "aria-label=\"province_map\"",
            "非常高 (2)",
            "高 (12)",
            "中 (13)",
            "低 (5)",
            "aria-label=\"province_dimension_bars\"",
            ">78.17<",
            ">70.73<");
    Chromium.Page page = Chromium.load(dir.resolve("brief-zh.html"), dir);
    assertThat(page.console()).isEmpty();
    Chromium.screenshot(dir.resolve("brief-zh.html"), dir, "brief-zh-sections", 1000, 6000);
  }

  @Test
  void theRunWritesTheBriefAsItsLastStep() throws Exception {
    Path written = BundledRun.warehouse().resolve("brief");
    assertThat(Files.readString(written.resolve("brief-zh.html")))
        .contains("省级政府网上政务服务能力指数平均值为76.48，15个省级政府的指数超过全国指数平均值，占比为46.88%。");
    assertThat(Files.readString(written.resolve("brief-en.html")))
        .contains("The mean provincial capability index is 76.48");
    assertThat(written.resolve("brief-zh.pdf")).isNotEmptyFile();
  }

  /**
   * The fonts travel in the page: every character of its text has a glyph in an embedded font (no
   * tofu).
   */
  @Test
  void theHtmlCarriesFontsCoveringEveryCharacterItShows() throws Exception {
    for (String html : List.of(zh, en)) {
      Matcher face =
          Pattern.compile("src:url\\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\\)").matcher(html);
      List<org.apache.fontbox.ttf.CmapLookup> fonts = new ArrayList<>();
      while (face.find()) {
        byte[] bytes = java.util.Base64.getDecoder().decode(face.group(1));
        fonts.add(
            new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes))
                .getUnicodeCmapLookup());
      }
      assertThat(fonts).hasSize(2);
      // nothing fetched: no stylesheet, font, image or script from elsewhere
      assertThat(html)
          .doesNotContainPattern("url\\((?!data:)")
          .doesNotContainPattern("(src|href)=\"(?!#)");
      String shown = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", "");
      List<String> uncovered =
          shown
              .codePoints()
              .filter(c -> !Character.isWhitespace(c))
              .filter(c -> fonts.stream().allMatch(f -> f.getGlyphId(c) == 0))
              .distinct()
              .mapToObj(c -> new String(Character.toChars(c)))
              .toList();
      assertThat(uncovered).isEmpty();
      // a subset, not the 4 MB font: the page stays small enough to mail
      assertThat(html.length()).isLessThan(1_500_000);
    }
  }

  /** Every decimal figure of a section in Chinese is in the same section in English, and back. */
  @Test
  void bothLanguagesCarryTheSameFiguresSectionBySection() {
    for (String id :
        List.of(
            "province_capability",
            "city_egov_index",
            "mobile_government",
            "e_participation",
            "security",
            "un_egdi")) {
      assertThat(decimals(text(section(en, id))))
          .as(id)
          .isEqualTo(decimals(text(section(zh, id))))
          .isNotEmpty();
    }
  }

  private static java.util.Set<String> decimals(String text) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("\\d+\\.\\d+").matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  /**
   * The section's prose: no markup, charts or synthetic notes (whose wording differs by language).
   */
  private static String text(String section) {
    return section
        .replaceAll("(?s)<svg.*?</svg>", "")
        .replaceAll("(?s)<p class=\"synthetic\">.*?</p>", "")
        .replaceAll("(?s)<figcaption.*?</figcaption>", "")
        .replaceAll("<[^>]+>", "")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String half(double value, int places) {
    return new BigDecimal(Double.toString(value))
        .setScale(places, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String percent(long part, long whole, int places) {
    return BigDecimal.valueOf(part)
        .movePointRight(2)
        .divide(BigDecimal.valueOf(whole), places, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
