package org.egovsuite.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.egovsuite.config.ReferencePaths;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resolvers against the bundled NBS division table and UN country table. */
class ResolversTest {
  private static final ReferenceData REFERENCE =
      new ReferenceData(ReferencePaths.defaults(Projects.home()));
  private final DivisionResolver divisions = REFERENCE.divisions();
  private final CountryResolver countries = REFERENCE.countries();

  @ParameterizedTest(name = "province {0} -> {1} by {2}")
  @CsvSource({
    "浙江, 330000, short_name",
    "浙江省, 330000, name",
    "浙江省人民政府, 330000, name",
    "广西壮族自治区, 450000, name",
    "广西, 450000, short_name",
    "内蒙古, 150000, short_name",
    "内蒙, 150000, alias",
    "新疆维吾尔自治区, 650000, name",
    "新疆, 650000, short_name",
    "新疆生产建设兵团, 660000, name",
    "兵团, 660000, alias",
    "北京, 110000, short_name",
    "33, 330000, code",
    "3301, 330000, code",
    "330106, 330000, code",
    "' 浙　江 ', 330000, short_name"
  })
  void provincesByNameShortFormSuffixAndCode(String text, String code, String method) {
    Resolution r = divisions.province(text);
    assertThat(r).as(text).isNotNull();
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.method()).isEqualTo(method);
  }

  @ParameterizedTest(name = "city {0} -> {1}")
  @CsvSource({
    "杭州, 330100, 杭州市",
    "杭州市, 330100, 杭州市",
    "延边朝鲜族自治州, 222400, 延边朝鲜族自治州",
    "延边, 222400, 延边朝鲜族自治州",
    "黔西南, 522300, 黔西南布依族苗族自治州",
    "大兴安岭, 232700, 大兴安岭地区",
    "锡林郭勒盟, 152500, 锡林郭勒盟",
    "北京, 110100, 北京市",
    "重庆市, 500100, 重庆市",
    "襄樊, 420600, 襄阳市",
    "330100, 330100, 杭州市",
    "3301, 330100, 杭州市",
    "330106001, 330100, 杭州市",
    "仙桃市, 429004, 仙桃市",
    "济源, 419001, 济源市",
    "临高县, 469024, 临高县",
    "五家渠市, 659004, 五家渠市",
    "乐东, 469027, 乐东黎族自治县",
    "429004, 429004, 仙桃市"
  })
  void citiesIncludingMunicipalitiesAutonomousPrefecturesAndRenamedUnits(
      String text, String code, String name) {
    Resolution r = divisions.city(text);
    assertThat(r).as(text).isNotNull();
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.name()).isEqualTo(name);
  }

  @Test
  void placeholdersAreNeverMatchedAndUnknownNamesAreNotGuessed() {
    assertThat(divisions.city("市辖区")).isNull();
    assertThat(divisions.city("县")).isNull();
    assertThat(divisions.city("省直辖县级行政区划")).isNull();
    assertThat(divisions.city("500200")).as("重庆's 县 placeholder").isNull();
    assertThat(divisions.province("浙西")).isNull();
    assertThat(divisions.province("99")).isNull();
    // 淅江, a misprint of 浙江, is not resolved but 浙江 is offered first.
    assertThat(divisions.province("淅江")).isNull();
    assertThat(divisions.provinceCandidates("淅江")).first().asString().startsWith("浙江");
  }

  @Test
  void countriesByUnNameVariantAndCode() {
    assertThat(countries.resolve("Viet Nam").code()).isEqualTo("VNM");
    assertThat(countries.resolve("Vietnam").name()).isEqualTo("Viet Nam");
    assertThat(countries.resolve("  republic of korea ").code()).isEqualTo("KOR");
    assertThat(countries.resolve("South Korea").code()).isEqualTo("KOR");
    assertThat(countries.resolve("PRK").name()).isEqualTo("Democratic People's Republic of Korea");
    assertThat(countries.resolve("Iran (Islamic Republic of)").code()).isEqualTo("IRN");
    assertThat(countries.resolve("Atlantis")).isNull();
    assertThat(countries.candidates("Viet Namm")).first().asString().startsWith("viet nam");
  }

  /**
   * Names a new user's files carry that the bundled list alone did not resolve: CLDR's names in
   * English and Chinese (through ICU4J), the UN's earlier names (bundled aliases), and spellings
   * without accents or with another apostrophe.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Turkey|TUR",
        "Türkiye|TUR",
        "Turkiye|TUR",
        "Russia|RUS",
        "Brunei|BRN",
        "DPR Korea|PRK",
        "North Korea|PRK",
        "The former Yugoslav Republic of Macedonia|MKD",
        "Côte d'Ivoire|CIV",
        "Cote d'Ivoire|CIV",
        "Côte d’Ivoire|CIV",
        "土耳其|TUR",
        "朝鲜|PRK",
        "韩国|KOR",
        "俄罗斯|RUS",
        "越南|VNM",
        "Laos|LAO",
        "Czechia|CZE",
        "Cape Verde|CPV",
        "Swaziland|SWZ",
        "Russie|RUS",
        "Rusia|RUS",
        "Россия|RUS",
        "تركيا|TUR",
        "United States|USA",
        "UK|GBR"
      })
  void countriesByCldrNamesAndUnAliases(String text, String iso3) {
    Resolution r = countries.resolve(text);
    assertThat(r).as(text).isNotNull();
    assertThat(r.code()).as(text).isEqualTo(iso3);
  }

  @Test
  void closestNamesAreRealNearMissesNotShortCodes() {
    // Before: 'Brunei' (then unresolved) suggested burundi, brn, are.
    assertThat(countries.candidates("Bruniei"))
        .first()
        .asString()
        .startsWith("brunei")
        .endsWith("(BRN)");
    assertThat(countries.candidates("Bruniei")).noneMatch(c -> c.length() <= "are (ARE)".length());
    assertThat(countries.candidates("Kazakstan")).first().asString().endsWith("(KAZ)");
    assertThat(countries.candidates("Atlantis")).hasSize(3).doesNotHaveDuplicates();
  }
}
