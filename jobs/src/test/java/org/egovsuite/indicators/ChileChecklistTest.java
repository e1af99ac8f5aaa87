package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.cli.BundledRun;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checklist index on the real Chilean municipal website assessment, 2019 and 2021
 * (conf/indicators/chile_municipal_checklist.yaml), against the authors' published egi and hand
 * calculations from rows of the raw files.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class ChileChecklistTest {
  private static final double TOTAL_WEIGHT = 10.25; // 3×0.25 + 2×0.5 + 3×0.75 + 5×1 + 1.25
  private final SparkSession spark;

  ChileChecklistTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> units() {
    return spark.read().parquet(BundledRun.table("chile_municipal_checklist"));
  }

  @Test
  void indexEqualsTheAuthorsEgiForEveryAssessedMunicipalityInBothYears() {
    // The authors' panel read straight from its CSV files with Spark's reader, not our ingest.
    Dataset<Row> panel =
        spark
            .read()
            .option("header", "true")
            .option("nullValue", "NA")
            .csv(
                Projects.data("chile-municipal-egi")
                    .resolve("local_gov_indicators_*.csv")
                    .toString())
            .selectExpr(
                "CAST(year AS INT) AS p_year",
                "CAST(cut_com AS BIGINT) AS p_cut",
                "CAST(egi AS DOUBLE) AS p_egi")
            .where("p_egi IS NOT NULL");
    for (int year : List.of(2019, 2021)) {
      Dataset<Row> ours = units().where("year = " + year + " AND assessed");
      Dataset<Row> theirs = panel.where("p_year = " + year);
      Dataset<Row> joined = ours.join(theirs, ours.col("cut_com").equalTo(theirs.col("p_cut")));
      long expected = year == 2019 ? 337 : 333; // egi not NA in the panel: 337 and 333 of 345/346
      assertThat(ours.count()).as("assessed in " + year).isEqualTo(expected);
      assertThat(theirs.count()).isEqualTo(expected);
      assertThat(joined.count())
          .as("every assessed municipality matched by code in " + year)
          .isEqualTo(expected);
      assertThat(joined.where("abs(checklist_index - p_egi) > 1e-12").count()).isZero();
    }
  }

  @Test
  void handCalculatedRowsAndTheirMovement() {
    // ARICA 2019 row: forms 1, news 1, streetmap 1, socialmedia 1, email 1 (weight 0), phone 1,
    // transac 1, digital_certificate 1, payments 1 → 0.25 + 0.25 + 0.5 + 0.75 + 0.75 + 1 + 1 + 1
    // = 5.5. ARICA 2021 row: news, streetmap, socialmedia, phone, mobile, transac,
    // digital_certificate, payments → 0.25 + 0.5 + 0.75 × 3 + 1 × 3 = 6.0.
    Row arica2019 = units().where("cut_com = 15101 AND year = 2019").first();
    Row arica2021 = units().where("cut_com = 15101 AND year = 2021").first();
    assertThat(arica2019.<Double>getAs("checklist_index")).isEqualTo(5.5);
    assertThat(arica2021.<Double>getAs("checklist_index")).isEqualTo(6.0);
    assertThat(arica2021.<Double>getAs("checklist_share"))
        .isCloseTo(6.0 / TOTAL_WEIGHT, within(1e-12));
    assertThat(arica2021.<Double>getAs("previous_value"))
        .isCloseTo(5.5 / TOTAL_WEIGHT, within(1e-12));
    assertThat(arica2021.<Double>getAs("value_change"))
        .isCloseTo(0.5 / TOTAL_WEIGHT, within(1e-12));
    assertThat(arica2021.<String>getAs("band")).isEqualTo("High"); // 0.585 in [0.50, 0.75)
    assertThat(arica2021.<Integer>getAs("band_change")).isZero(); // 0.537 in 2019: High too

    // CAMARONES 2021: news, search (0), socialmedia, mobile, payments met.
    Row camarones = units().where("cut_com = 15102 AND year = 2021").first();
    assertThat(camarones.<Double>getAs("checklist_index")).isEqualTo(2.75);
    assertThat(camarones.<Double>getAs("basic_information_share"))
        .isCloseTo(0.25 / 0.75, within(1e-12));
    assertThat(camarones.<Double>getAs("location_services_share")).isZero();
    assertThat(camarones.<Double>getAs("communication_channels_share"))
        .isCloseTo(1.5 / 2.25, within(1e-12));
    assertThat(camarones.<Double>getAs("online_transactions_share")).isCloseTo(0.2, within(1e-12));
    assertThat(camarones.<Double>getAs("participation_share")).isZero();
    assertThat(camarones.<Integer>getAs("indicators_met")).isEqualTo(5);
  }

  @Test
  void the2019CodingErrorsAreCorrectedByConfigurationAndEachUnitAppearsOncePerYear() {
    List<Row> fixed = units().where("unit_fixed").orderBy("cut_com").collectAsList();
    assertThat(fixed)
        .extracting(r -> r.<String>getAs("commune") + "=" + r.<Long>getAs("cut_com"))
        .containsExactly("MAFIL=14105", "GENERAL LAGOS=15202", "RANQUIL=16206");
    assertThat(units().groupBy("year", "cut_com").count().where("count > 1").count()).isZero();
    // 345 municipalities listed in 2019, 346 in 2021 (ANTARTICA added): no row lost.
    assertThat(units().where("year = 2019").count()).isEqualTo(345);
    assertThat(units().where("year = 2021").count()).isEqualTo(346);
  }

  @Test
  void regionalBreakdownAndCovariatesArePublished() {
    Dataset<Row> regions =
        spark.read().parquet(BundledRun.table("chile_municipal_checklist_group_means"));
    // Units of every region add up to the assessed municipalities of the year.
    assertThat(regions.where("year = 2021").selectExpr("sum(units)").first().getLong(0))
        .isEqualTo(333L);
    Row authors =
        spark
            .read()
            .parquet(BundledRun.table("chile_municipal_checklist_correlation"))
            .where("year = 2021 AND covariate = 'authors_egi'")
            .first();
    // share = egi / 10.25 exactly, so both correlations are 1 and the slope is 1 / 10.25.
    assertThat(authors.<Double>getAs("pearson_r")).isCloseTo(1.0, within(1e-12));
    assertThat(authors.<Double>getAs("spearman_rho")).isCloseTo(1.0, within(1e-12));
    assertThat(authors.<Double>getAs("slope")).isCloseTo(1 / TOTAL_WEIGHT, within(1e-12));
  }
}
