package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.Band;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.config.RankingMethod;
import org.egovsuite.indicators.egdi.EgdiIndicators;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three countries over two surveys. C is listed but unassessed in 2018 (no rank, zeros) and
 * assessed in 2020, so its 2020 row has no previous survey.
 */
@ExtendWith(SparkTest.class)
class EgdiIndicatorsTest {
  private static final EgdiIndicatorConfig CONFIG =
      new EgdiIndicatorConfig(
          "un_egdi",
          RankingMethod.COMPETITION,
          List.of(
              new Band("Very High", 0.75),
              new Band("High", 0.50),
              new Band("Middle", 0.25),
              new Band("Low", 0.0)));
  private final Map<String, Row> byKey;
  private final Dataset<Row> country;

  EgdiIndicatorsTest(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("survey_year", DataTypes.IntegerType)
            .add("country_name", DataTypes.StringType)
            .add("egdi_rank", DataTypes.IntegerType)
            .add("egdi", DataTypes.DoubleType)
            .add("epi", DataTypes.DoubleType)
            .add("osi", DataTypes.DoubleType)
            .add("hci", DataTypes.DoubleType)
            .add("tii", DataTypes.DoubleType)
            .add("row_flags", DataTypes.createArrayType(DataTypes.StringType))
            .add("source_file", DataTypes.StringType)
            .add("source_line", DataTypes.LongType);
    List<String> none = List.of();
    Dataset<Row> standardized =
        spark.createDataFrame(
            List.of(
                RowFactory.create(2018, "A", 1, 0.80, 0.5, 0.9, 0.8, 0.7, none, "f", 2L),
                RowFactory.create(2018, "B", 2, 0.60, 0.5, 0.6, 0.6, 0.6, none, "f", 3L),
                RowFactory.create(
                    2018, "C", null, 0.0, 0.0, 0.0, 0.0, 0.0, List.of("unassessed"), "f", 4L),
                RowFactory.create(2020, "A", 2, 0.70, 0.5, 0.7, 0.7, 0.7, none, "g", 2L),
                RowFactory.create(2020, "B", 1, 0.76, 0.5, 0.76, 0.76, 0.76, none, "g", 3L),
                RowFactory.create(2020, "C", 3, 0.30, 0.1, 0.3, 0.3, 0.3, none, "g", 4L)),
            schema);
    country = EgdiIndicators.countryTable(standardized, CONFIG);
    byKey =
        country.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("country_name") + "/" + r.getAs("survey_year"), r -> r));
  }

  @Test
  void ranksGroupsAndRecomputedEgdi() {
    Row a2018 = byKey.get("A/2018");
    assertThat(a2018.<Integer>getAs("egdi_rank")).isEqualTo(1);
    assertThat(a2018.<String>getAs("egdi_group")).isEqualTo("Very High");
    // (0.9 + 0.7 + 0.8) / 3 = 0.8
    assertThat(a2018.<Double>getAs("egdi_recomputed")).isCloseTo(0.8, within(1e-12));
    assertThat(a2018.<Boolean>getAs("rank_matches_published")).isTrue();
    assertThat(byKey.get("C/2020").<Integer>getAs("egdi_rank")).isEqualTo(3);
    assertThat(byKey.get("C/2020").<String>getAs("egdi_group")).isEqualTo("Middle");
  }

  @Test
  void unassessedRowsAreKeptWithoutRankOrGroup() {
    Row c2018 = byKey.get("C/2018");
    assertThat(c2018.<Boolean>getAs("assessed")).isFalse();
    assertThat(c2018.<Object>getAs("egdi_rank")).isNull();
    assertThat(c2018.<Object>getAs("egdi_group")).isNull();
    assertThat(byKey.get("B/2018").<Integer>getAs("egdi_rank")).as("C takes no place").isEqualTo(2);
  }

  @Test
  void changeSinceThePreviousSurvey() {
    Row a2020 = byKey.get("A/2020");
    assertThat(a2020.<Integer>getAs("previous_survey_year")).isEqualTo(2018);
    assertThat(a2020.<Double>getAs("egdi_change")).isCloseTo(-0.10, within(1e-12));
    assertThat(a2020.<Integer>getAs("rank_change")).as("1 -> 2 is one place down").isEqualTo(-1);
    assertThat(a2020.<String>getAs("previous_egdi_group")).isEqualTo("Very High");
    assertThat(a2020.<Integer>getAs("group_change")).isEqualTo(-1);

    Row b2020 = byKey.get("B/2020");
    assertThat(b2020.<Double>getAs("egdi_change")).isCloseTo(0.16, within(1e-12));
    assertThat(b2020.<Integer>getAs("rank_change")).isEqualTo(1);
    assertThat(b2020.<Integer>getAs("group_change")).isEqualTo(1);

    assertThat(byKey.get("C/2020").<Object>getAs("previous_survey_year"))
        .as("an unassessed survey is no previous value")
        .isNull();
    assertThat(byKey.get("A/2018").<Object>getAs("egdi_change")).isNull();
  }

  @Test
  void summaryHasOneRowPerYearAndGroup() {
    List<Row> summary =
        EgdiIndicators.summaryTable(country, CONFIG)
            .orderBy("survey_year", "egdi_group_order")
            .collectAsList();
    assertThat(summary).hasSize(8);
    // 2018: assessed A 0.80, B 0.60 -> mean 0.70; A above the mean
    Row first = summary.get(0);
    assertThat(first.<Long>getAs("countries")).isEqualTo(2L);
    assertThat(first.<Double>getAs("mean_egdi")).isCloseTo(0.70, within(1e-12));
    assertThat(first.<Long>getAs("above_mean_count")).isEqualTo(1L);
    assertThat(summary.subList(0, 4))
        .extracting(r -> r.<Long>getAs("group_count"))
        .containsExactly(1L, 1L, 0L, 0L);
    // 2020: 0.70, 0.76, 0.30 -> mean 0.58666..; Very High {B}: (0.76 - 0.58667) / 0.58667 =
    // +29.545%
    assertThat(summary.get(4).<Double>getAs("group_mean_diff_pct"))
        .isCloseTo(29.545454545, within(1e-6));
  }
}
