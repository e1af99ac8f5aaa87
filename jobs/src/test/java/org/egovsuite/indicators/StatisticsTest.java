package org.egovsuite.indicators;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.egovsuite.indicators.stats.BandSummary;
import org.egovsuite.indicators.stats.Banding;
import org.egovsuite.indicators.stats.Ranking;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTest.class)
class StatisticsTest {
  private static final List<Band> UN_GROUPS =
      List.of(
          new Band("Very High", 0.75),
          new Band("High", 0.50),
          new Band("Middle", 0.25),
          new Band("Low", 0.0));
  private static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.IntegerType)
          .add("unit", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("eligible", DataTypes.BooleanType);

  private final SparkSession spark;

  StatisticsTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> rows(Object[]... rows) {
    return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), SCHEMA);
  }

  private Map<String, Object> column(Dataset<Row> data, String column) {
    Map<String, Object> out = new HashMap<>();
    data.collectAsList().forEach(r -> out.put(r.getAs("unit"), r.getAs(column)));
    return out;
  }

  @Test
  void competitionRankingIs1224AndDenseIs1223NullsAndExcludedTakeNoPlace() {
    Dataset<Row> data =
        rows(
            new Object[] {1, "a", 0.9, true},
            new Object[] {1, "b", 0.8, true},
            new Object[] {1, "c", 0.8, true},
            new Object[] {1, "d", 0.7, true},
            new Object[] {1, "e", null, true},
            new Object[] {1, "f", 0.95, false},
            new Object[] {2, "x", 0.5, true});

    Dataset<Row> ranked =
        data.withColumn(
                "competition",
                Ranking.rankOf(
                    "value", List.of("period"), RankingMethod.COMPETITION, col("eligible")))
            .withColumn(
                "dense",
                Ranking.rankOf("value", List.of("period"), RankingMethod.DENSE, col("eligible")));

    Map<String, Object> competition = column(ranked, "competition");
    Map<String, Object> dense = column(ranked, "dense");
    assertThat(competition)
        .containsEntry("a", 1)
        .containsEntry("b", 2)
        .containsEntry("c", 2)
        .containsEntry("d", 4)
        .containsEntry("e", null)
        .containsEntry("f", null)
        .containsEntry("x", 1);
    assertThat(dense)
        .containsEntry("a", 1)
        .containsEntry("b", 2)
        .containsEntry("c", 2)
        .containsEntry("d", 3);
  }

  @Test
  void bandCutOffsAreInclusiveBelow() {
    Dataset<Row> data =
        rows(
            new Object[] {1, "top", 1.0, true}, new Object[] {1, "edge75", 0.75, true},
            new Object[] {1, "under75", 0.7499, true}, new Object[] {1, "edge50", 0.50, true},
            new Object[] {1, "edge25", 0.25, true}, new Object[] {1, "zero", 0.0, true},
            new Object[] {1, "negative", -0.1, true}, new Object[] {1, "none", null, true});

    Dataset<Row> banded =
        data.withColumn("band", Banding.bandOf("value", UN_GROUPS))
            .withColumn("order", Banding.bandOrder("band", UN_GROUPS));

    assertThat(column(banded, "band"))
        .containsEntry("top", "Very High")
        .containsEntry("edge75", "Very High")
        .containsEntry("under75", "High")
        .containsEntry("edge50", "High")
        .containsEntry("edge25", "Middle")
        .containsEntry("zero", "Low")
        .containsEntry("negative", null)
        .containsEntry("none", null);
    assertThat(column(banded, "order"))
        .containsEntry("top", 1)
        .containsEntry("under75", 2)
        .containsEntry("zero", 4)
        .containsEntry("none", null);
  }

  /**
   * Period 1: values 0.9, 0.8, 0.6, 0.3, 0.1; mean 2.7 / 5 = 0.54; above the mean: 0.9, 0.8, 0.6 =
   * 3 of 5 = 60%. Very High {0.9, 0.8}: 2 = 40%, mean 0.85, (0.85 − 0.54) / 0.54 = +57.407%. High
   * {0.6}: 20%, +11.111%. Middle {0.3}: −44.444%. Low {0.1}: −81.481%. Period 2: a single unit 0.4:
   * mean 0.4, none strictly above; Middle 100%, diff 0; the three empty bands have count 0, share 0
   * and no mean.
   */
  @Test
  void bandSummaryMatchesTheHandCalculation() {
    Dataset<Row> data =
        rows(
                new Object[] {1, "a", 0.9, true},
                new Object[] {1, "b", 0.8, true},
                new Object[] {1, "c", 0.6, true},
                new Object[] {1, "d", 0.3, true},
                new Object[] {1, "e", 0.1, true},
                new Object[] {1, "f", null, true},
                new Object[] {2, "a", 0.4, true})
            .withColumn("band", Banding.bandOf("value", UN_GROUPS));

    List<Row> summary =
        BandSummary.of(data, "period", "value", "band", UN_GROUPS)
            .orderBy("period", BandSummary.BAND_ORDER)
            .collectAsList();

    assertThat(summary).hasSize(8);
    Row veryHigh = summary.get(0);
    assertThat(veryHigh.<String>getAs("band")).isEqualTo("Very High");
    assertThat(veryHigh.<Long>getAs(BandSummary.UNITS)).isEqualTo(5L);
    assertThat(veryHigh.<Double>getAs(BandSummary.MEAN_VALUE)).isCloseTo(0.54, within(1e-12));
    assertThat(veryHigh.<Long>getAs(BandSummary.ABOVE_MEAN_COUNT)).isEqualTo(3L);
    assertThat(veryHigh.<Double>getAs(BandSummary.ABOVE_MEAN_SHARE_PCT))
        .isCloseTo(60.0, within(1e-9));
    assertThat(veryHigh.<Long>getAs(BandSummary.BAND_COUNT)).isEqualTo(2L);
    assertThat(veryHigh.<Double>getAs(BandSummary.BAND_SHARE_PCT)).isCloseTo(40.0, within(1e-9));
    assertThat(veryHigh.<Double>getAs(BandSummary.BAND_MEAN_VALUE)).isCloseTo(0.85, within(1e-12));
    assertThat(veryHigh.<Double>getAs(BandSummary.BAND_MEAN_DIFF_PCT))
        .isCloseTo(57.407407407, within(1e-6));
    assertThat(summary.subList(1, 4))
        .extracting(r -> (Double) r.getAs(BandSummary.BAND_MEAN_DIFF_PCT))
        .satisfiesExactly(
            v -> assertThat(v).isCloseTo(11.111111111, within(1e-6)),
            v -> assertThat(v).isCloseTo(-44.444444444, within(1e-6)),
            v -> assertThat(v).isCloseTo(-81.481481481, within(1e-6)));

    List<Row> single = summary.subList(4, 8);
    assertThat(single)
        .extracting(r -> r.<Long>getAs(BandSummary.BAND_COUNT))
        .containsExactly(0L, 0L, 1L, 0L);
    assertThat(single)
        .extracting(r -> r.<Double>getAs(BandSummary.BAND_SHARE_PCT))
        .containsExactly(0.0, 0.0, 100.0, 0.0);
    assertThat(single.get(0).<Object>getAs(BandSummary.BAND_MEAN_VALUE)).isNull();
    assertThat(single.get(2).<Double>getAs(BandSummary.BAND_MEAN_DIFF_PCT)).isEqualTo(0.0);
    assertThat(single.get(0).<Long>getAs(BandSummary.ABOVE_MEAN_COUNT)).isEqualTo(0L);
  }
}
