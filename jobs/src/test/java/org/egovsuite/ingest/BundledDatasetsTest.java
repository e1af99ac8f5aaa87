package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.DatasetDefinitionLoader;
import org.egovsuite.config.ReferencePaths;
import org.egovsuite.standardize.ReferenceData;
import org.egovsuite.standardize.Standardizer;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bundled file ingested by its definition in conf/datasets alone. Expected counts are the
 * publishers' (16,539 .gov domains, 345 Chilean municipalities, 31 provinces, ...) or counted in
 * the files with a CSV reader; values are read off the files.
 */
@Tag("end-to-end") // reads every bundled dataset
@ExtendWith(SparkTest.class)
class BundledDatasetsTest {
  private static final ReferenceData REFERENCE =
      new ReferenceData(ReferencePaths.defaults(Projects.home()));
  private final SparkSession spark;
  @TempDir java.nio.file.Path out;

  BundledDatasetsTest(SparkSession spark) {
    this.spark = spark;
  }

  private static DatasetDefinition definition(String name) {
    return DatasetDefinitionLoader.load(
        Projects.home().resolve("conf/datasets/" + name + ".yaml"), Projects.home());
  }

  /** Ingests and standardises a dataset and hands the standardised rows to {@code check}. */
  private IngestResult ingest(String name, Consumer<Dataset<Row>> check) {
    DatasetDefinition d = definition(name);
    IngestResult result =
        new IngestJob(spark)
            .dataset(d)
            .runId("t")
            .transform(rows -> Standardizer.apply(rows, d, REFERENCE))
            .output(out.resolve(name).toString())
            .execute();
    check.accept(result.accepted());
    return result;
  }

  private static Row only(Dataset<Row> data, String condition) {
    List<Row> rows = data.where(condition).collectAsList();
    assertThat(rows).as(condition).hasSize(1);
    return rows.get(0);
  }

  @ParameterizedTest(name = "{0}: {1} records, none quarantined")
  @CsvSource({
    "un_egdi, 2123",
    "un_egdi_regions_2022, 193",
    "census_city, 369",
    "chile_egi_2019, 345",
    "chile_egi_2021, 346",
    "chile_local_gov_indicators, 690",
    "nyc311, 924",
    "dotgov_domains, 16539",
    "dotgov_federal, 1321",
    "dotgov_agencies, 341",
    "dotgov_other_websites, 18849",
    "cn_provinces, 31",
    "cn_cities, 342",
    "cn_areas, 2978",
    "cn_streets, 41352",
    "cn_divisions_tree, 31",
    "cn_hk_mo_tw, 3",
    "census_county_2020, 3358"
  })
  void everyBundledFileIsReadWhole(String dataset, long records) {
    IngestResult result = ingest(dataset, rows -> assertThat(rows.count()).isEqualTo(records));
    assertThat(result.rowsRead()).isEqualTo(records);
    assertThat(result.rowsQuarantined()).isZero();
  }

  @Test
  void nbsProvinceExportsBecomeLongFormWithIndicatorUnitAndDivisionCode() {
    IngestResult result =
        ingest(
            "nbs_province",
            rows -> {
              Row beijing = only(rows, "province = '北京市' AND indicator = '地区生产总值' AND year = 2024");
              assertThat(beijing.<Double>getAs("value")).isEqualTo(49670.2);
              assertThat(beijing.<String>getAs("unit")).isEqualTo("亿元");
              assertThat(beijing.<String>getAs("province_division_code")).isEqualTo("110000");
              Row guangxi =
                  only(rows, "province = '广西壮族自治区' AND indicator = '年末常住人口' AND year = 2015");
              assertThat(guangxi.<Object>getAs("province_raw"))
                  .as("unchanged by standardisation")
                  .isNull();
              assertThat(guangxi.<String>getAs("province_division_code")).isEqualTo("450000");
              assertThat(guangxi.<String>getAs("unit")).isEqualTo("万人");
              assertThat(rows.where(col("province_division_code").isNull()).count())
                  .as("all 31 resolve")
                  .isZero();
              assertThat(rows.select("province").distinct().count()).isEqualTo(31);
              assertThat(rows.select("indicator").distinct().count()).isEqualTo(8);
              // A blank cell is a missing value, not a row lost: 北京 has no 2025 figure for FAI
              // growth.
              Row blank =
                  only(rows, "province = '北京市' AND indicator LIKE '固定资产投资%' AND year = 2025");
              assertThat(blank.<Object>getAs("value")).isNull();
            });
    assertThat(result.rowsRead())
        .as("8 files x 31 provinces; notes below the data are not rows")
        .isEqualTo(8 * 31);
    assertThat(result.rowsQuarantined()).isZero();
  }

  @Test
  void nbsMajorCitiesResolveToPrefectureCodes() {
    ingest(
        "nbs_major_cities",
        rows -> {
          Row beijing = only(rows, "city_raw = '北京' AND year = 2018");
          assertThat(beijing.<Double>getAs("value")).isEqualTo(30319.98);
          assertThat(beijing.<String>getAs("city_division_code")).isEqualTo("110100");
          assertThat(
                  only(rows, "city_raw = '乌鲁木齐' AND year = 2018")
                      .<String>getAs("city_division_code"))
              .isEqualTo("650100");
          assertThat(rows.select("city").distinct().count()).isEqualTo(36);
          assertThat(rows.where(col("city_division_code").isNull()).count()).isZero();
          // 兰州 has no 1999 figure: a blank cell.
          assertThat(only(rows, "city_raw = '兰州' AND year = 1999").<Object>getAs("value")).isNull();
        });
  }

  @Test
  void censusCityNamesResolveToTheirOwnCodes() {
    ingest(
        "census_city",
        rows -> {
          Row beijing = only(rows, "city_code = '110100'");
          assertThat(beijing.<Long>getAs("population_2020")).isEqualTo(21893095L);
          assertThat(beijing.<String>getAs("city_division_code")).isEqualTo("110100");
          assertThat(beijing.<String>getAs("province_division_code")).isEqualTo("110000");
        });
  }

  @Test
  void censusCountyWorkbookIsReadFromItsSheet() {
    ingest(
        "census_county_2020",
        rows -> {
          assertThat(rows.where(col("population").isNull()).count()).isZero();
          // Counted in the sheet: 3,358 rows, of which the national total and 45 development zones
          // (经济开发区, 高新区, ...) have no division code; every other code has six digits.
          assertThat(rows.where(col("county_code").rlike("^\\d{6}$")).count()).isEqualTo(3358 - 46);
          assertThat(rows.where("array_contains(row_flags, 'no_division_code')").count())
              .isEqualTo(46);
          Row total = only(rows, "array_contains(row_flags, 'national_total')");
          assertThat(total.<Long>getAs("population")).isEqualTo(1_409_778_724L);
          assertThat(only(rows, "county = '镇江新区'").<Long>getAs("population")).isEqualTo(263_813L);
        });
  }

  @Test
  void chileChecklistsKeepAccentsAndReadNaAsNull() {
    ingest(
        "chile_local_gov_indicators",
        rows -> {
          Row iquique = only(rows, "year = 2019 AND cut_com = 1101");
          assertThat(iquique.<String>getAs("commune")).isEqualTo("Iquique");
          assertThat(iquique.<String>getAs("region")).isEqualTo("Tarapacá");
          assertThat(iquique.<Double>getAs("egi")).isEqualTo(4.75);
          assertThat(iquique.<Object>getAs("egi_std")).as("NA").isNull();
        });
    ingest(
        "chile_egi_2021",
        rows -> {
          Row arica = only(rows, "cut_com = 15101");
          assertThat(arica.<String>getAs("commune")).isEqualTo("ARICA");
          assertThat(arica.<java.sql.Date>getAs("date_review").toLocalDate())
              .isEqualTo(java.time.LocalDate.of(2021, 11, 3));
          assertThat(arica.<String>getAs("time_review")).isEqualTo("12:30 PM");
          assertThat(arica.<Integer>getAs("pagespeed_desktop")).isEqualTo(34);
        });
    ingest(
        "chile_egi_2019",
        rows ->
            assertThat(only(rows, "cut_com = 15101").<String>getAs("region"))
                .as("BOM stripped from the first header")
                .isEqualTo("ARICA Y PARINACOTA"));
  }

  @Test
  void nyc311ReadsUsTimestampsAndOpenRequests() {
    ingest(
        "nyc311",
        rows -> {
          Row first = only(rows, "unique_key = 54049402");
          assertThat(first.<java.sql.Timestamp>getAs("created_date").toInstant())
              .hasToString("2022-05-01T00:00:03Z");
          assertThat(first.<Object>getAs("closed_date")).isNull();
          assertThat(first.<Double>getAs("latitude")).isEqualTo(40.83065331987539);
          assertThat(first.<String>getAs("location"))
              .isEqualTo("(40.83065331987539, -73.92308231033165)");
          assertThat(rows.where(col("closed_date").isNull()).count()).isEqualTo(444);
          assertThat(
                  only(rows, "unique_key = 54046813")
                      .<java.sql.Timestamp>getAs("closed_date")
                      .toInstant())
              .hasToString("2022-05-01T00:07:46Z");
        });
  }

  @Test
  void dotgovBlankMarkerIsNull() {
    ingest(
        "dotgov_domains",
        rows -> {
          assertThat(rows.where(col("security_contact_email").isNull()).count()).isEqualTo(6633);
          assertThat(
                  only(rows, "domain_name = '29palms.gov'").<Object>getAs("security_contact_email"))
              .isNull();
        });
  }

  @Test
  void hongKongMacaoTaiwanResolveByTheirGbCodes() {
    ingest(
        "cn_hk_mo_tw",
        rows ->
            assertThat(rows.orderBy("region_division_code").collectAsList())
                .extracting(r -> r.getAs("region_division_code"))
                .containsExactly("710000", "810000", "820000"));
  }
}
