package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.Band;
import org.egovsuite.config.RankingMethod;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.StatisticsConfig.BandOrAbove;
import org.egovsuite.config.StatisticsConfig.Covariate;
import org.egovsuite.config.StatisticsConfig.Grouping;
import org.egovsuite.config.StatisticsConfig.Performers;
import org.egovsuite.indicators.stats.DisplayRounding;
import org.egovsuite.indicators.stats.IndicatorStatistics;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statistics engine against hand calculations (shown next to each assertion).
 *
 * <p>Period 1: units a–e with index y = 2, 4, 5, 4, 5 and covariate x = 1, 2, 3, 4, 5; unit f has
 * no index. Period 2: unit a alone, y = 3. Period 3: p (y 9, no covariate), q (y 5, x 1), r (y 4, x
 * 2). Bands A ≥ 8, B ≥ 5, C ≥ 0 ("B or above" cumulative).
 */
@ExtendWith(SparkTest.class)
class IndicatorStatisticsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.IntegerType)
          .add("unit", DataTypes.StringType)
          .add("y", DataTypes.DoubleType)
          .add("region", DataTypes.StringType);
  private static final List<Band> BANDS =
      List.of(new Band("A", 8), new Band("B", 5), new Band("C", 0));

  private final SparkSession spark;

  IndicatorStatisticsTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> frame(StructType schema, Object[]... rows) {
    return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  private Map<String, Dataset<Row>> tables(Performers performers) {
    Dataset<Row> units =
        frame(
            SCHEMA,
            new Object[] {1, "a", 2.0, "N"},
            new Object[] {1, "b", 4.0, "N"},
            new Object[] {1, "c", 5.0, "S"},
            new Object[] {1, "d", 4.0, "S"},
            new Object[] {1, "e", 5.0, "S"},
            new Object[] {1, "f", null, "S"},
            new Object[] {2, "a", 3.0, "N"},
            new Object[] {3, "p", 9.0, "N"},
            new Object[] {3, "q", 5.0, "N"},
            new Object[] {3, "r", 4.0, "N"});
    StructType covariateSchema =
        new StructType()
            .add("period", DataTypes.IntegerType)
            .add("unit", DataTypes.StringType)
            .add("x_raw", DataTypes.DoubleType);
    Dataset<Row> covariate =
        frame(
            covariateSchema,
            new Object[] {1, "a", 1.0},
            new Object[] {1, "b", 2.0},
            new Object[] {1, "c", 3.0},
            new Object[] {1, "d", 4.0},
            new Object[] {1, "e", 5.0},
            new Object[] {2, "a", 7.0},
            new Object[] {3, "q", 1.0},
            new Object[] {3, "r", 2.0});
    StatisticsConfig config =
        new StatisticsConfig(
            RankingMethod.COMPETITION,
            BANDS,
            List.of(new BandOrAbove("B or above", "B")),
            List.of(new Grouping("region", null, null)),
            List.of(new Covariate("x", "economy", "x_raw", List.of("unit", "period"))),
            performers);
    Dataset<Row> annotated =
        IndicatorStatistics.units(
            units,
            "unit",
            "period",
            "y",
            config,
            name -> covariate,
            file -> {
              throw new AssertionError("no lookups configured");
            });
    Map<String, Dataset<Row>> out =
        new HashMap<>(IndicatorStatistics.summaries("t", annotated, "period", "y", config));
    out.put("t", annotated);
    return out;
  }

  private static Map<String, Row> byKey(Dataset<Row> data, String... key) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : data.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String column : key) {
        k.append(k.length() == 0 ? "" : "/").append(String.valueOf((Object) r.getAs(column)));
      }
      out.put(k.toString(), r);
    }
    return out;
  }

  @Test
  void unitsGetRankBandMeanPositionAndChange() {
    Map<String, Row> u = byKey(tables(Performers.DEFAULT).get("t"), "period", "unit");
    // competition ranks of 2, 4, 5, 4, 5: the two 5s share 1, the two 4s share 3, 2 is 5th.
    assertThat(List.of("a", "b", "c", "d", "e"))
        .extracting(x -> u.get("1/" + x).<Integer>getAs("rank"))
        .containsExactly(5, 3, 1, 3, 1);
    assertThat(u.get("1/f").<Integer>getAs("rank")).isNull();
    assertThat(u.get("1/f").<String>getAs("band")).isNull();
    assertThat(u.get("1/c").<String>getAs("band")).isEqualTo("B");
    assertThat(u.get("1/b").<String>getAs("band")).isEqualTo("C");
    // mean of 2, 4, 5, 4, 5 = 4 (f has no index); c is (5 − 4) / 4 = +25% from it.
    assertThat(u.get("1/c").<Double>getAs("period_mean")).isEqualTo(4.0);
    assertThat(u.get("1/c").<Double>getAs("diff_from_mean_pct")).isEqualTo(25.0);
    assertThat(u.get("1/b").<Boolean>getAs("above_mean")).isFalse();
    assertThat(u.get("1/f").<Boolean>getAs("above_mean")).isNull();
    // a: 2 (5th, C) in period 1 → 3 (1st of 1, C) in period 2.
    Row a2 = u.get("2/a");
    assertThat(a2.<Integer>getAs("previous_period")).isEqualTo(1);
    assertThat(a2.<Double>getAs("value_change")).isEqualTo(1.0);
    assertThat(a2.<Integer>getAs("rank_change")).isEqualTo(4);
    assertThat(a2.<String>getAs("previous_band")).isEqualTo("C");
    assertThat(a2.<Integer>getAs("band_change")).isZero();
    assertThat(u.get("1/a").<Double>getAs("previous_value")).isNull();
  }

  @Test
  void fittedLineResidualsAndPerformers() {
    Map<String, Row> u = byKey(tables(Performers.DEFAULT).get("t"), "period", "unit");
    // x̄ = 3, ȳ = 4, Sxy = 6, Sxx = 10: slope 0.6, intercept 2.2; fitted 2.8 3.4 4.0 4.6 5.2;
    // residuals −0.8 0.6 1.0 −0.6 −0.2; SSR 2.4, sd = √(2.4 / 3) = √0.8.
    assertThat(u.get("1/c").<Double>getAs("fitted_value")).isCloseTo(4.0, within(1e-12));
    assertThat(u.get("1/a").<Double>getAs("residual")).isCloseTo(-0.8, within(1e-12));
    assertThat(u.get("1/c").<Double>getAs("residual_z"))
        .isCloseTo(1.0 / Math.sqrt(0.8), within(1e-12));
    // threshold 1 sd: only c (z 1.118) is called; a (−0.894) is not.
    assertThat(List.of("a", "b", "c", "d", "e"))
        .extracting(x -> u.get("1/" + x).<String>getAs("performance"))
        .containsExactly(null, null, "over", null, null);
    // covariate ranks (highest x first): e 1, d 2, c 3, b 4, a 5; gap = covariate rank − index
    // rank.
    assertThat(List.of("a", "b", "c", "d", "e"))
        .extracting(x -> u.get("1/" + x).<Integer>getAs("rank_gap"))
        .containsExactly(0, 1, 2, -1, 0);
    // Period 3: p has no covariate, so q and r are ranked 1 and 2 among units with both, though
    // their index ranks are 2 and 3; r has the higher covariate.
    assertThat(u.get("3/q").<Integer>getAs("rank")).isEqualTo(2);
    assertThat(u.get("3/q").<Integer>getAs("rank_gap")).isEqualTo(1);
    assertThat(u.get("3/r").<Integer>getAs("rank_gap")).isEqualTo(-1);
    assertThat(u.get("3/p").<Integer>getAs("rank_gap")).isNull();
    // With two units the residual sd has no degree of freedom: no z, no call.
    assertThat(u.get("3/q").<Double>getAs("residual_z")).isNull();

    Map<String, Row> byGap =
        byKey(tables(new Performers(Performers.Method.RANK_GAP, 2)).get("t"), "period", "unit");
    assertThat(List.of("a", "b", "c", "d", "e"))
        .extracting(x -> byGap.get("1/" + x).<String>getAs("performance"))
        .containsExactly(null, null, "over", null, null);
  }

  @Test
  void pearsonAndSpearmanWithTiesAndASingleUnit() {
    Map<String, Row> c = byKey(tables(Performers.DEFAULT).get("t_correlation"), "period");
    // r = Sxy / √(Sxx·Syy) = 6 / √(10 · 6) = 0.7745966692.
    assertThat(c.get("1").<Double>getAs("pearson_r")).isCloseTo(6 / Math.sqrt(60), within(1e-12));
    // ranks of y with ties averaged: 2→1, 4,4→2.5, 5,5→4.5; Σ d_x·d_y = 7, Σ d_y² = 9, Σ d_x² = 10.
    assertThat(c.get("1").<Double>getAs("spearman_rho"))
        .isCloseTo(7 / Math.sqrt(90), within(1e-12));
    assertThat(c.get("1").<Double>getAs("slope")).isCloseTo(0.6, within(1e-12));
    assertThat(c.get("1").<Double>getAs("intercept")).isCloseTo(2.2, within(1e-12));
    assertThat(c.get("1").<Long>getAs("units")).isEqualTo(5L);
    // One unit: no correlation.
    assertThat(c.get("2").<Long>getAs("units")).isEqualTo(1L);
    assertThat(c.get("2").<Double>getAs("pearson_r")).isNull();
    assertThat(c.get("2").<Double>getAs("spearman_rho")).isNull();
  }

  @Test
  void bandSummaryWithAnEmptyBandAndACumulativeGroup() {
    Map<String, Row> s =
        byKey(tables(Performers.DEFAULT).get("t_summary").where("period = 1"), "band");
    assertThat(s).containsOnlyKeys("A", "B", "C", "B or above");
    assertThat(s.get("A").<Long>getAs("band_count")).isZero();
    assertThat(s.get("A").<Double>getAs("band_share_pct")).isZero();
    assertThat(s.get("A").<Double>getAs("band_mean_value")).isNull();
    // B: 5, 5 → 2 of 5 = 40%, mean 5, +25% vs 4; C: 2, 4, 4 → 60%, mean 10/3, −16.67%.
    assertThat(s.get("B").<Double>getAs("band_share_pct")).isEqualTo(40.0);
    assertThat(s.get("B").<Double>getAs("band_mean_diff_pct")).isEqualTo(25.0);
    assertThat(s.get("C").<Double>getAs("band_mean_value")).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(s.get("C").<BigDecimal>getAs("band_mean_diff_pct_display"))
        .isEqualTo(new BigDecimal("-16.67"));
    // B or above = A (none) + B (2).
    assertThat(s.get("B or above").<Long>getAs("band_count")).isEqualTo(2L);
    assertThat(s.get("B or above").<String>getAs("group_kind")).isEqualTo("band_or_above");
    // above the mean 4: c and e → 2 of 5.
    assertThat(s.get("C").<Long>getAs("above_mean_count")).isEqualTo(2L);
    assertThat(s.get("C").<Double>getAs("above_mean_share_pct")).isEqualTo(40.0);
  }

  @Test
  void groupMeansByRegion() {
    Map<String, Row> g =
        byKey(tables(Performers.DEFAULT).get("t_group_means").where("period = 1"), "group_value");
    // N: a 2, b 4 → 3, (3 − 4) / 4 = −25%; S: c 5, d 4, e 5 (f has no index) → 14/3, +16.67%.
    assertThat(g.get("N").<Long>getAs("units")).isEqualTo(2L);
    assertThat(g.get("N").<Double>getAs("group_mean_diff_pct")).isEqualTo(-25.0);
    assertThat(g.get("S").<Long>getAs("units")).isEqualTo(3L);
    assertThat(g.get("S").<Double>getAs("group_mean_value")).isCloseTo(14.0 / 3, within(1e-12));
    assertThat(g.get("S").<Long>getAs("above_mean_count")).isEqualTo(2L);
    assertThat(g.get("S").<Double>getAs("max_value")).isEqualTo(5.0);
  }

  @Test
  void displayRoundingIsHalfUpOnTheDecimalAsPrinted() {
    StructType schema = new StructType().add("v", DataTypes.DoubleType);
    List<Row> rows =
        frame(
                schema,
                new Object[] {40.625},
                new Object[] {15.625},
                new Object[] {1.005},
                new Object[] {2.675},
                new Object[] {-5.5801},
                new Object[] {-0.125},
                new Object[] {null})
            .withColumn("d", DisplayRounding.halfUp(org.apache.spark.sql.functions.col("v")))
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.<BigDecimal>getAs("d"))
        .containsExactly(
            new BigDecimal("40.63"),
            new BigDecimal("15.63"),
            new BigDecimal("1.01"),
            new BigDecimal("2.68"),
            new BigDecimal("-5.58"),
            new BigDecimal("-0.13"),
            null);
  }
}
