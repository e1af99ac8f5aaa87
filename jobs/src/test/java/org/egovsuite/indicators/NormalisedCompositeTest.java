package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.IndicatorDefinitionLoader;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UN-style normalised composite of src/test/resources/normalised/toy_index.yaml, by hand.
 *
 * <p>2020: x = 1, 2, 3 and y (lower is better) = 10, 30, 20 for c1, c2, c3; w = 4, 2 and none
 * (missing: zero → 0). c4 has only y, so it is not assessed and takes no part in the z-scores. z(x)
 * = (x − 2) / √(2/3) = −1.2247, 0, 1.2247; z(y) = (y − 20) / √(200/3) = −1.2247, 1.2247, 0,
 * negated; sub_a raw = mean = 0, −0.6124, 0.6124 → min–max 0.5, 0, 1. z(w) = 1.2247, 0, −1.2247 →
 * sub_b = 1, 0.5, 0. index = (1 × sub_a + 3 × sub_b) / 4 = 0.875, 0.375, 0.25.
 *
 * <p>2021 mirrors c1 and c3, so c3 = 0.875, c2 = 0.375, c1 = 0.25: c3 rises two places, c1 falls
 * two, c2 stays. Within tier T1 (c1, c3) c1 ranks 1 in 2020; c2 is alone in T2 with an index.
 */
@ExtendWith(SparkTest.class)
class NormalisedCompositeTest {
  private static final Path DIR = Path.of("src/test/resources/normalised");
  private final SparkSession spark;

  NormalisedCompositeTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void zScoresMinMaxAndWeightsTheUnWay() {
    IndicatorDefinition definition = definition();
    Map<String, Row> units = byUnit(IndicatorKinds.units(definition, sources(), lookups()));

    assertThat(units.get("c1/2020").<Double>getAs("sub_a")).isCloseTo(0.5, within(1e-12));
    assertThat(units.get("c2/2020").<Double>getAs("sub_a")).isCloseTo(0.0, within(1e-12));
    assertThat(units.get("c3/2020").<Double>getAs("sub_a")).isCloseTo(1.0, within(1e-12));
    assertThat(units.get("c1/2020").<Double>getAs("sub_b")).isCloseTo(1.0, within(1e-12));
    assertThat(units.get("c2/2020").<Double>getAs("sub_b")).isCloseTo(0.5, within(1e-12));
    assertThat(units.get("c3/2020").<Double>getAs("sub_b")).isCloseTo(0.0, within(1e-12));
    assertThat(units.get("c1/2020").<Double>getAs("index")).isCloseTo(0.875, within(1e-12));
    assertThat(units.get("c2/2020").<Double>getAs("index")).isCloseTo(0.375, within(1e-12));
    assertThat(units.get("c3/2020").<Double>getAs("index")).isCloseTo(0.25, within(1e-12));
    assertThat(units.get("c3/2020").<Double>getAs("w")).isEqualTo(0.0);

    Row c4 = units.get("c4/2020");
    assertThat(c4.<Boolean>getAs("assessed")).isFalse();
    assertThat(c4.<Object>getAs("index")).isNull();
    assertThat(c4.<Object>getAs("rank")).isNull();
    assertThat(c4.<String>getAs("name")).isEqualTo("City Four");
    assertThat(units).hasSize(8); // 4 units of the lookup × 2 periods found in the sources

    assertThat(units.get("c1/2020").<Integer>getAs("rank")).isEqualTo(1);
    assertThat(units.get("c1/2020").<String>getAs("band")).isEqualTo("high");
    assertThat(units.get("c1/2020").<Integer>getAs("rank_in_tier")).isEqualTo(1);
    assertThat(units.get("c3/2020").<Integer>getAs("rank_in_tier")).isEqualTo(2);
    assertThat(units.get("c2/2020").<Integer>getAs("rank_in_tier")).isEqualTo(1);

    assertThat(units.get("c3/2021").<Double>getAs("index")).isCloseTo(0.875, within(1e-12));
    assertThat(units.get("c3/2021").<Integer>getAs("rank_change")).isEqualTo(2);
    assertThat(units.get("c1/2021").<Integer>getAs("rank_change")).isEqualTo(-2);
    assertThat(units.get("c2/2021").<Integer>getAs("rank_change")).isEqualTo(0);
  }

  @Test
  void moversListTheRisersAndFallers() {
    IndicatorDefinition definition = definition();
    Dataset<Row> units = IndicatorKinds.units(definition, sources(), lookups());
    List<Row> movers =
        IndicatorKinds.summaries(definition, units, sources(), lookups())
            .get("toy_index_movers")
            .orderBy("direction")
            .collectAsList();
    assertThat(movers).hasSize(2);
    assertThat(movers.get(0).<String>getAs("direction")).isEqualTo("faller");
    assertThat(movers.get(0).<String>getAs("code")).isEqualTo("c1");
    assertThat(movers.get(0).<Integer>getAs("rank_change")).isEqualTo(-2);
    assertThat(movers.get(1).<String>getAs("direction")).isEqualTo("riser");
    assertThat(movers.get(1).<String>getAs("code")).isEqualTo("c3");
    assertThat(movers.get(1).<Integer>getAs("position")).isEqualTo(1);
    assertThat(movers.get(1).<Integer>getAs("year")).isEqualTo(2021);
  }

  private static IndicatorDefinition definition() {
    return IndicatorDefinitionLoader.load(
        DIR.resolve("toy_index.yaml"), Set.of("inputs", "counts"), Set.of());
  }

  private Function<String, Dataset<Row>> sources() {
    StructType inputs =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("x", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType);
    StructType counts =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("w", DataTypes.LongType);
    Dataset<Row> xy =
        spark.createDataFrame(
            List.of(
                RowFactory.create("c1", 2020, 1.0, 10.0),
                RowFactory.create("c2", 2020, 2.0, 30.0),
                RowFactory.create("c3", 2020, 3.0, 20.0),
                RowFactory.create("c4", 2020, null, 5.0),
                RowFactory.create("c1", 2021, 3.0, 20.0),
                RowFactory.create("c2", 2021, 2.0, 30.0),
                RowFactory.create("c3", 2021, 1.0, 10.0)),
            inputs);
    Dataset<Row> w =
        spark.createDataFrame(
            List.of(
                RowFactory.create("c1", 2020, 4L), RowFactory.create("c2", 2020, 2L),
                RowFactory.create("c2", 2021, 2L), RowFactory.create("c3", 2021, 4L)),
            counts);
    return name -> name.equals("inputs") ? xy : w;
  }

  private Function<String, Dataset<Row>> lookups() {
    return file -> spark.read().option("header", "true").csv(DIR.resolve(file).toString());
  }

  private static Map<String, Row> byUnit(Dataset<Row> data) {
    return data.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("code") + "/" + r.getAs("year"), r -> r));
  }
}
