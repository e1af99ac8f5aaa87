package org.egovsuite.indicators;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.indicators.egdi.EgdiIndicators;
import org.egovsuite.ingest.IngestJob;
import org.egovsuite.ingest.IngestResult;
import org.egovsuite.standardize.ReferenceData;
import org.egovsuite.standardize.Standardizer;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled UN E-Government Survey files through ingest, standardise and the EGDI job, checked
 * against figures the UN publishes (E-Government Survey 2018: 40 very high, 71 high, 66 middle, 16
 * low; Denmark first with 0.9150; Serbia and Slovakia tied 49th, Qatar 51st).
 */
@ExtendWith(SparkTest.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnEgdiPublishedFiguresTest {
  private final IngestResult ingest;
  private final Dataset<Row> country;
  private final PipelineConfig config;

  UnEgdiPublishedFiguresTest(SparkSession spark) throws IOException {
    config =
        PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());
    ReferenceData reference = new ReferenceData(config.reference());
    ingest =
        new IngestJob(spark)
            .dataset(config.requireDataset("un_egdi"))
            .runId("t")
            .transform(
                rows -> Standardizer.apply(rows, config.requireDataset("un_egdi"), reference))
            .output(Files.createTempDirectory("un-egdi").toString())
            .execute();
    country = EgdiIndicators.countryTable(ingest.accepted(), config.egdi()).cache();
  }

  @AfterAll
  void release() {
    country.unpersist();
  }

  private Row row(int year, String countryName) {
    return country
        .where(col("survey_year").equalTo(year).and(col("country_name").equalTo(countryName)))
        .first();
  }

  @Test
  void everyRowOfElevenSurveysIsReadAndNoneQuarantined() {
    assertThat(ingest.rowsRead()).isEqualTo(11 * 193);
    assertThat(ingest.rowsQuarantined()).isZero();
    assertThat(ingest.files()).hasSize(11).allSatisfy(f -> assertThat(f.rowsRead()).isEqualTo(193));
  }

  @Test
  void groups2018Are40_71_66_16() {
    Map<String, Long> groups =
        country
            .where(col("survey_year").equalTo(2018))
            .groupBy("egdi_group")
            .count()
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(groups)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Very High", 40L, "High", 71L, "Middle", 66L, "Low", 16L));
  }

  @Test
  void denmarkLeads2018With09150() {
    Row denmark = row(2018, "Denmark");
    assertThat(denmark.<Integer>getAs("egdi_rank")).isEqualTo(1);
    assertThat(denmark.<Double>getAs("egdi")).isEqualTo(0.9150);
  }

  @Test
  void serbiaAndSlovakiaShareRank49AndTheNextRankIs51() {
    assertThat(row(2018, "Serbia").<Integer>getAs("egdi_rank")).isEqualTo(49);
    assertThat(row(2018, "Slovakia").<Integer>getAs("egdi_rank"))
        .as("name had a trailing space")
        .isEqualTo(49);
    List<Integer> ranks =
        country
            .where(col("survey_year").equalTo(2018).and(col("egdi_rank").gt(49)))
            .orderBy("egdi_rank")
            .limit(1)
            .collectAsList()
            .stream()
            .map(r -> r.<Integer>getAs("egdi_rank"))
            .toList();
    assertThat(ranks).containsExactly(51);
    assertThat(row(2018, "Qatar").<Integer>getAs("egdi_rank")).isEqualTo(51);
  }

  @Test
  void egdiIsTheMeanOfItsComponentsWithin1e4WhereTheUnMethodApplies() {
    Dataset<Row> applicable =
        country.where(
            col("egdi_rank")
                .isNotNull()
                .and(col("osi").gt(0))
                .and(col("survey_year").isin(2008, 2010).unary_$bang()));
    // 2,123 rows − 386 of the 2008 and 2010 surveys − 6 unranked rows of other years − 52 ranked
    // rows with OSI = 0 (18 in 2003, 13 in 2004, 12 in 2005, 3 in 2012, 2 in 2014, 1 each after).
    assertThat(applicable.count()).isEqualTo(2123 - 386 - 6 - 52);
    assertThat(applicable.where(abs(col("egdi_recomputed_diff")).gt(1e-4)).count()).isZero();
    // Every ranked row of the surveys since 2014 satisfies it, with no exception.
    assertThat(
            country
                .where(col("survey_year").geq(2014).and(abs(col("egdi_recomputed_diff")).gt(1e-4)))
                .count())
        .isZero();
  }

  @Test
  void unassessedCountriesAreKeptFlaggedAndUnranked() {
    List<Row> unassessed =
        country
            .where(col("assessed").equalTo(false))
            .orderBy("survey_year", "country_name")
            .collectAsList();
    assertThat(unassessed)
        .extracting(r -> r.getAs("survey_year") + " " + r.getAs("country_name"))
        .containsExactly(
            "2003 Montenegro",
            "2003 South Sudan",
            "2004 Montenegro",
            "2004 South Sudan",
            "2005 Montenegro",
            "2005 South Sudan",
            "2008 South Sudan",
            "2010 South Sudan");
    assertThat(unassessed)
        .allSatisfy(
            r -> {
              assertThat(r.<Object>getAs("egdi_rank")).isNull();
              assertThat(r.<Object>getAs("egdi_group")).isNull();
            });
  }

  @Test
  void computedRanksEqualPublishedRanksExceptFourTiesBrokenByTheUnIn2020() {
    List<Row> mismatches =
        country
            .where(col("assessed").and(col("rank_matches_published").equalTo(false)))
            .collectAsList();
    assertThat(mismatches)
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.<Integer>getAs("survey_year")).isEqualTo(2020));
  }
}
