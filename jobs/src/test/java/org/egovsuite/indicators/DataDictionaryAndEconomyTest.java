package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.egovsuite.cli.BundledRun;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The published data dictionary, and GDP per capita from the NBS exports. */
@ExtendWith(SparkTest.class)
class DataDictionaryAndEconomyTest {
  private final SparkSession spark;

  DataDictionaryAndEconomyTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void everyColumnOfEveryPublishedTableIsDescribedInBothLanguagesWithItsParquetType() throws IOException {
    Map<String, Row> dictionary = spark.read().parquet(BundledRun.table("data_dictionary")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("table_name") + "." + r.getAs("column_name"), r -> r));
    List<String> tables = BundledRun.tables().stream().filter(t -> !t.equals("data_dictionary")).toList();
    assertThat(tables).hasSizeGreaterThanOrEqualTo(12);
    for (String table : tables) {
      for (StructField field : spark.read().parquet(BundledRun.table(table)).schema().fields()) {
        Row entry = dictionary.get(table + "." + field.name());
        assertThat(entry).as(table + "." + field.name()).isNotNull();
        assertThat(entry.<String>getAs("data_type")).isEqualTo(field.dataType().simpleString());
        assertThat(entry.<String>getAs("meaning_en")).isNotBlank();
        assertThat(entry.<String>getAs("meaning_zh")).isNotBlank();
      }
    }
    Row composite = dictionary.get("province_capability.capability_index");
    assertThat(composite.<String>getAs("formula"))
        .isEqualTo("0.1 * completeness + 0.2 * coverage + 0.2 * guide_accuracy + 0.5 * interactivity");
    assertThat(composite.<String>getAs("defined_in")).endsWith("conf/indicators/province_capability.yaml");
    assertThat(dictionary.get("province_capability.interactivity").<String>getAs("meaning_zh")).isEqualTo("在线服务交互性");
    assertThat(dictionary.get("province_capability_summary.band_share_pct_display").<String>getAs("formula"))
        .isEqualTo("round_half_up(band_share_pct, 2)");
  }

  @Test
  void gdpPerCapitaIsGdpOverYearEndResidentPopulation() {
    List<Row> rows = spark.read().parquet(BundledRun.table("province_economy")).collectAsList();
    // 31 provinces × 19 years of GDP (2006–2024); population only from 2015.
    assertThat(rows).hasSize(31 * 19);
    Row beijing2015 = rows.stream().filter(r -> "110000".equals(r.getAs("province_division_code"))
        && r.<Integer>getAs("year") == 2015).findFirst().orElseThrow();
    // nbs_province_gdp…csv: 北京市 2015 = 26034.1 亿元; resident population 2015 = 2188 万人:
    // 26034.1e8 / 2188e4 = 118,985.83 yuan.
    assertThat(beijing2015.<Double>getAs("gdp_100m_yuan")).isEqualTo(26034.1);
    assertThat(beijing2015.<Double>getAs("resident_population_10k")).isEqualTo(2188.0);
    assertThat(beijing2015.<Double>getAs("gdp_per_capita_yuan")).isCloseTo(118985.83, within(0.005));
    assertThat(rows.stream().filter(r -> r.<Integer>getAs("year") < 2015))
        .allSatisfy(r -> assertThat(r.<Double>getAs("gdp_per_capita_yuan")).isNull());

    Row correlation = spark.read().parquet(BundledRun.table("province_capability_correlation")).first();
    // 31 provinces have both; the 兵团 has no NBS GDP and is left out of the correlation only.
    assertThat(correlation.<Long>getAs("units")).isEqualTo(31L);
    assertThat(correlation.<String>getAs("covariate")).isEqualTo("gdp_per_capita_yuan");
  }
}
