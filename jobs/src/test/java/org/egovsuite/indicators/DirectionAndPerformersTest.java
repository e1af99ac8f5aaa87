package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.Band;
import org.egovsuite.config.RankingMethod;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.StatisticsConfig.Covariate;
import org.egovsuite.config.StatisticsConfig.Performers;
import org.egovsuite.indicators.stats.StatColumns;
import org.egovsuite.indicators.stats.UnitStatistics;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A measure where lower is better (days to fix) and asymmetric performer thresholds, against hand
 * calculations. Units u1–u5: days y = 2, 5, 9, 14, 30; covariate x = 1, 2, 3, 4, 5.
 *
 * <p>Ranks, lowest days first: u1 1 … u5 5. Covariate ranks, highest x first: u5 1, u4 2, u3 3, u2
 * 4, u1 5; rank gap = covariate rank − rank: u1 +4, u2 +2, u3 0, u4 −2, u5 −4. Fitted line y = −7.5
 * + 6.5x (Σdxdy 65 / Σdx² 10; means 3, 12), residuals 3, −0.5, −3, −4.5, 5, residual sd √(63.5/3) =
 * 4.601, z 0.652, −0.109, −0.652, −0.978, 1.087.
 */
@ExtendWith(SparkTest.class)
class DirectionAndPerformersTest {
  private static final List<Band> LOWER_BETTER_BANDS =
      List.of(new Band("fast", 7, true), new Band("medium", 15, true), new Band("slow", 100, true));
  private final SparkSession spark;

  DirectionAndPerformersTest(SparkSession spark) {
    this.spark = spark;
  }

  private Map<String, List<Object>> annotate(Performers performers, boolean higherIsBetter) {
    StructType schema =
        new StructType()
            .add("period", DataTypes.IntegerType)
            .add("unit", DataTypes.StringType)
            .add("days", DataTypes.DoubleType)
            .add("x", DataTypes.DoubleType);
    double[] days = {2, 5, 9, 14, 30};
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      rows.add(RowFactory.create(1, "u" + (i + 1), days[i], (double) (i + 1)));
    }
    List<Band> bands =
        higherIsBetter ? List.of(new Band("high", 10), new Band("low", 0)) : LOWER_BETTER_BANDS;
    StatisticsConfig config =
        new StatisticsConfig(
            RankingMethod.COMPETITION,
            bands,
            List.of(),
            List.of(),
            List.of(new Covariate("x", "economy", "x", List.of("unit", "period"))),
            performers,
            0,
            higherIsBetter);
    Dataset<Row> out =
        UnitStatistics.annotate(
            spark.createDataFrame(rows, schema), "unit", "period", "days", config);
    Map<String, List<Object>> byUnit = new TreeMap<>();
    for (Row r : out.collectAsList()) {
      byUnit.put(
          r.getAs("unit"),
          Arrays.asList(
              r.getAs(StatColumns.RANK),
              r.getAs(StatColumns.BAND),
              r.getAs(StatColumns.RANK_GAP),
              r.getAs(StatColumns.PERFORMANCE)));
    }
    return byUnit;
  }

  @Test
  void lowerIsBetterRanksBandsAndCallsRankGapsWithAsymmetricThresholds() {
    // Over at a gap of +3 or more, under at −2 or less.
    Map<String, List<Object>> out =
        annotate(new Performers(Performers.Method.RANK_GAP, 3, 2, 0), false);
    assertThat(out)
        .containsEntry("u1", Arrays.asList(1, "fast", 4, "over"))
        .containsEntry("u2", Arrays.asList(2, "fast", 2, null))
        .containsEntry("u3", Arrays.asList(3, "medium", 0, null))
        .containsEntry("u4", Arrays.asList(4, "medium", -2, "under"))
        .containsEntry("u5", Arrays.asList(5, "slow", -4, "under"));
  }

  @Test
  void topKeepsTheFurthestOfEachKind() {
    Map<String, List<Object>> out =
        annotate(new Performers(Performers.Method.RANK_GAP, 3, 2, 1), false);
    assertThat(out.get("u4").get(3)).isNull();
    assertThat(out.get("u5").get(3)).isEqualTo("under");
    assertThat(out.get("u1").get(3)).isEqualTo("over");
  }

  @Test
  void belowTheFittedLineIsOverPerformingWhereLowerIsBetter() {
    // z ≥ 0.9 where higher is better: u5 (1.087) over, u4 (−0.978) under; the other way round here.
    Map<String, List<Object>> lower =
        annotate(new Performers(Performers.Method.RESIDUAL, 0.9), false);
    assertThat(lower.get("u4").get(3)).isEqualTo("over");
    assertThat(lower.get("u5").get(3)).isEqualTo("under");
    Map<String, List<Object>> higher =
        annotate(new Performers(Performers.Method.RESIDUAL, 0.9), true);
    assertThat(higher.get("u5").get(3)).isEqualTo("over");
    assertThat(higher.get("u4").get(3)).isEqualTo("under");
    assertThat(higher.get("u5").get(0)).isEqualTo(1);
  }

  /**
   * Any indicator whose input carries the publisher's rank reports where ours differs. Units a, b,
   * c with index 9, 7, 7: competition ranks 1, 2, 2; the publisher ranked them 1, 2, 3 (it broke
   * the tie), so c differs by 2 − 3 = −1.
   */
  @Test
  void comparesOurRankWithThePublishers() {
    StructType schema =
        new StructType()
            .add("period", DataTypes.IntegerType)
            .add("unit", DataTypes.StringType)
            .add("y", DataTypes.DoubleType);
    Dataset<Row> units =
        spark.createDataFrame(
            List.of(
                RowFactory.create(1, "a", 9.0),
                RowFactory.create(1, "b", 7.0),
                RowFactory.create(1, "c", 7.0)),
            schema);
    StructType published =
        new StructType()
            .add("period", DataTypes.IntegerType)
            .add("unit", DataTypes.StringType)
            .add("official_rank", DataTypes.IntegerType);
    Dataset<Row> source =
        spark.createDataFrame(
            List.of(
                RowFactory.create(1, "a", 1),
                RowFactory.create(1, "b", 2),
                RowFactory.create(1, "c", 3)),
            published);
    StatisticsConfig config =
        new StatisticsConfig(
            RankingMethod.COMPETITION,
            List.of(new Band("all", 0)),
            List.of(),
            List.of(),
            List.of(),
            Performers.DEFAULT,
            0,
            true,
            new Covariate("rank_published", "scores", "official_rank", List.of("unit", "period")));
    Dataset<Row> out =
        org.egovsuite.indicators.stats.IndicatorStatistics.units(
            units,
            "unit",
            "period",
            "y",
            config,
            name -> source,
            file -> {
              throw new AssertionError("no lookups");
            });
    Map<String, List<Object>> byUnit = new TreeMap<>();
    for (Row r : out.collectAsList()) {
      byUnit.put(
          r.getAs("unit"),
          Arrays.asList(
              r.getAs(StatColumns.RANK),
              r.getAs(StatColumns.RANK_PUBLISHED),
              r.getAs(StatColumns.RANK_DIFF_PUBLISHED),
              r.getAs(StatColumns.RANK_MATCHES_PUBLISHED)));
    }
    assertThat(byUnit)
        .containsEntry("a", Arrays.asList(1, 1, 0, true))
        .containsEntry("b", Arrays.asList(2, 2, 0, true))
        .containsEntry("c", Arrays.asList(2, 3, -1, false));
  }
}
