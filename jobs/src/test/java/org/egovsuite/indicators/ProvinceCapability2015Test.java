package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.cli.BundledRun;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provincial online-service capability tables of the default run, computed from configuration
 * alone (conf/indicators/province_capability.yaml on the bundled 2015 fixture), against every 2015
 * figure of the report digest (../shared/docs/domain.md, seed digest): national mean 76.48; 15 of
 * 32 above it (46.88%); bands 2 / 12 / 13 / 5 = 6.25 / 37.50 / 40.63 / 15.63%; high-or-above (14
 * units) 85.10, +11.27% vs the mean; medium 72.21, −5.58%; low 63.43, −17.06%; dimension means
 * guide accuracy 78.17, interactivity 77.98, completeness 77.09, coverage 70.73; top five 浙江, 江苏,
 * 湖南, 四川, 湖北; low band 陕西, 云南, 山西, 重庆, 西藏.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class ProvinceCapability2015Test {
  private final SparkSession spark;

  ProvinceCapability2015Test(SparkSession spark) {
    this.spark = spark;
  }

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void summaryHoldsEveryFigureTheReportQuotes() {
    Map<String, Row> groups =
        spark
            .read()
            .parquet(BundledRun.table("province_capability_summary"))
            .where("year = 2015")
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("band"), r -> r));
    assertThat(groups).containsOnlyKeys("非常高", "高", "中", "低", "高及以上");
    Row any = groups.get("中");
    assertThat(any.<Long>getAs("units")).isEqualTo(32L);
    assertThat(any.<BigDecimal>getAs("mean_value_display")).isEqualTo(d("76.48"));
    assertThat(any.<Long>getAs("above_mean_count")).isEqualTo(15L);
    assertThat(any.<BigDecimal>getAs("above_mean_share_pct_display")).isEqualTo(d("46.88"));

    assertThat(List.of("非常高", "高", "中", "低"))
        .extracting(b -> groups.get(b).<Long>getAs("band_count"))
        .containsExactly(2L, 12L, 13L, 5L);
    assertThat(List.of("非常高", "高", "中", "低"))
        .extracting(b -> groups.get(b).<BigDecimal>getAs("band_share_pct_display"))
        .containsExactly(d("6.25"), d("37.50"), d("40.63"), d("15.63"));
    // 13 / 32 = 40.625% exactly: kept unrounded, displayed half-up.
    assertThat(groups.get("中").<Double>getAs("band_share_pct")).isEqualTo(40.625);

    Row highOrAbove = groups.get("高及以上");
    assertThat(highOrAbove.<String>getAs("group_kind")).isEqualTo("band_or_above");
    assertThat(highOrAbove.<Long>getAs("band_count")).isEqualTo(14L);
    assertThat(highOrAbove.<BigDecimal>getAs("band_mean_value_display")).isEqualTo(d("85.10"));
    assertThat(highOrAbove.<BigDecimal>getAs("band_mean_diff_pct_display")).isEqualTo(d("11.27"));
    assertThat(groups.get("中").<BigDecimal>getAs("band_mean_value_display")).isEqualTo(d("72.21"));
    assertThat(groups.get("中").<BigDecimal>getAs("band_mean_diff_pct_display"))
        .isEqualTo(d("-5.58"));
    assertThat(groups.get("低").<BigDecimal>getAs("band_mean_value_display")).isEqualTo(d("63.43"));
    assertThat(groups.get("低").<BigDecimal>getAs("band_mean_diff_pct_display"))
        .isEqualTo(d("-17.06"));
  }

  @Test
  void dimensionMeans() {
    Map<String, BigDecimal> means =
        spark
            .read()
            .parquet(BundledRun.table("province_capability_dimension_means"))
            .where("year = 2015")
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("dimension_zh"),
                    r -> r.<BigDecimal>getAs("mean_score_display")));
    assertThat(means)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "办事指南准确性",
                d("78.17"),
                "在线服务交互性",
                d("77.98"),
                "服务方式完备性",
                d("77.09"),
                "服务事项覆盖性",
                d("70.73")));
  }

  @Test
  void topFiveAndLowBandAsNamedWithAllThirtyTwoUnitsResolved() {
    List<Row> units =
        spark
            .read()
            .parquet(BundledRun.table("province_capability"))
            .where("year = 2015")
            .orderBy("rank")
            .collectAsList();
    assertThat(units).hasSize(32);
    assertThat(units)
        .extracting(r -> r.<String>getAs("province_division_code"))
        .doesNotContainNull()
        .contains("660000");
    assertThat(units.subList(0, 5))
        .extracting(r -> r.<String>getAs("province"))
        .containsExactly("浙江省", "江苏省", "湖南省", "四川省", "湖北省");
    assertThat(
            units.stream()
                .filter(r -> "低".equals(r.getAs("band")))
                .map(r -> r.<String>getAs("province_division_code")))
        .containsExactly("610000", "530000", "140000", "500000", "540000"); // 陕西, 云南, 山西, 重庆, 西藏
    assertThat(units)
        .extracting(r -> r.<Integer>getAs("rank"))
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 32).boxed().toList());
  }

  @Test
  void suppliedCompositeAgreesWithTheConfiguredWeightsRowByRow() {
    // The fixture's published overall score is the weighted sum rounded to 2 decimals.
    List<Row> rows =
        spark
            .read()
            .parquet(BundledRun.table("province_capability"))
            .selectExpr("abs(capability_index_supplied_diff) AS diff")
            .collectAsList();
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.<Double>getAs("diff")).isLessThanOrEqualTo(0.005 + 1e-9));
  }
}
