package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.Band;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.RankingMethod;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.Title;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Weighted composite vs a supplied one: checked by default, used when authoritative. */
@ExtendWith(SparkTest.class)
class CompositeIndexTest {
  private final SparkSession spark;

  CompositeIndexTest(SparkSession spark) {
    this.spark = spark;
  }

  private static CompositeIndicator definition(boolean authoritative) {
    return new CompositeIndicator(
        "t",
        new Title("t", "t"),
        "t.yaml",
        "d",
        "unit",
        "name",
        "year",
        List.of(
            new CompositeIndicator.Dimension("a", 0.25, "", new Title("a", "a")),
            new CompositeIndicator.Dimension("b", 0.75, "", new Title("b", "b"))),
        new CompositeIndicator.Composite("index", "published", 0.01, authoritative),
        new StatisticsConfig(
            RankingMethod.DENSE,
            List.of(new Band("all", 0)),
            List.of(),
            List.of(),
            List.of(),
            StatisticsConfig.Performers.DEFAULT));
  }

  private Row one(boolean authoritative) {
    StructType schema =
        new StructType()
            .add("unit", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType)
            .add("published", DataTypes.DoubleType);
    // 0.25 × 80 + 0.75 × 60 = 65; the input publishes 66.
    return CompositeIndex.units(
            spark.createDataFrame(
                List.of(RowFactory.create("u", "U", 2015, 80.0, 60.0, 66.0)), schema),
            definition(authoritative))
        .first();
  }

  @Test
  void theWeightedSumIsTheIndexAndTheSuppliedValueIsKeptWithItsDifference() {
    Row row = one(false);
    assertThat(row.<Double>getAs("index")).isCloseTo(65.0, within(1e-12));
    assertThat(row.<Double>getAs("index_supplied")).isEqualTo(66.0);
    assertThat(row.<Double>getAs("index_supplied_diff")).isCloseTo(1.0, within(1e-12));
    assertThat(CompositeIndex.weightedSql(definition(false))).isEqualTo("0.25 * a + 0.75 * b");
  }

  @Test
  void anAuthoritativeSuppliedCompositeIsTheIndex() {
    Row row = one(true);
    assertThat(row.<Double>getAs("index")).isEqualTo(66.0);
    assertThat(row.<Double>getAs("index_supplied_diff")).isCloseTo(1.0, within(1e-12));
  }
}
