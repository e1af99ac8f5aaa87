package org.egovsuite.indicators.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.IndicatorDefinitionLoader;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind through the registry on a few hand-made rows, as the indicators stage drives it ({@link
 * IndicatorKinds#write} into a sink): the tables it writes, by name, and figures worked out by hand
 * in the comments. Seconds, no bundled run; the bundled figures are checked against the report in
 * their own tests.
 */
@ExtendWith(SparkTest.class)
class KindTablesTest {
  private final SparkSession spark;
  @TempDir Path dir;

  KindTablesTest(SparkSession spark) {
    this.spark = spark;
  }

  /** Collects what a kind writes; reads give back what was written. */
  private static final class Collected implements IndicatorKind.TableSink {
    final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();

    @Override
    public void write(String table, Dataset<Row> rows) {
      tables.put(table, rows.cache());
    }

    @Override
    public Dataset<Row> read(String table) {
      return tables.get(table);
    }
  }

  private IndicatorDefinition load(String yaml, Set<String> datasets) throws IOException {
    Path file = dir.resolve("definition.yaml");
    Files.writeString(file, yaml);
    return IndicatorDefinitionLoader.load(file, datasets, Set.of());
  }

  private Collected write(IndicatorDefinition definition, Map<String, Dataset<Row>> inputs) {
    Collected sink = new Collected();
    IndicatorKinds.write(definition, inputs::get, file -> null, sink);
    return sink;
  }

  private static Row unit(Dataset<Row> table, String column, Object value) {
    return table.where(table.col(column).equalTo(value)).first();
  }

  @Test
  void aChecklistScoresWeightedSharesRanksAndBands() throws IOException {
    IndicatorDefinition definition =
        load(
            """
            name: toy_checklist
            type: checklist
            title: {en: toy, zh: 玩具}
            inputs: [{dataset: survey, period: 2020}]
            unit: code
            unit_name: name
            period: year
            criteria:
              - {name: basic, en: basic, zh: 基本, indicators: [{column: a, weight: 1}, {column: b, weight: 1}]}
              - {name: online, en: online, zh: 在线, indicators: [{column: c, weight: 2}]}
            value: share
            statistics:
              ranking: competition
              bands:
                - {name: High, min: 0.6}
                - {name: Low, min: 0.0}
            """,
            Set.of("survey"));
    StructType schema =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("a", DataTypes.IntegerType)
            .add("b", DataTypes.IntegerType)
            .add("c", DataTypes.IntegerType);
    Dataset<Row> survey =
        spark.createDataFrame(
            List.of(
                RowFactory.create("101", "One", 1, 0, 1),
                RowFactory.create("102", "Two", 1, 1, 0),
                RowFactory.create("103", "Three", null, 1, 1)),
            schema);
    Collected out = write(definition, Map.of("survey", survey));
    assertThat(out.tables).containsKeys("toy_checklist", "toy_checklist_summary");
    Dataset<Row> units = out.tables.get("toy_checklist");
    // unit codes are numeric (the kind reads them as long, so unit_fixes can set them)
    // u1: 1×1 + 1×0 + 2×1 = 3 points of 4 → share 0.75, basic 1/2, online 2/2; band High, rank 1
    Row u1 = unit(units, "code", 101L);
    assertThat(u1.<Double>getAs("checklist_index")).isCloseTo(3.0, within(1e-12));
    assertThat(u1.<Double>getAs("checklist_share")).isCloseTo(0.75, within(1e-12));
    assertThat(u1.<Double>getAs("basic_share")).isCloseTo(0.5, within(1e-12));
    assertThat(u1.<Double>getAs("online_share")).isCloseTo(1.0, within(1e-12));
    assertThat(u1.<String>getAs("band")).isEqualTo("High");
    assertThat(((Number) u1.getAs("rank")).intValue()).isEqualTo(1);
    // u2: 1 + 1 + 0 = 2 of 4 → 0.5, Low, rank 2; u3 has a blank indicator → not assessed
    Row u2 = unit(units, "code", 102L);
    assertThat(u2.<Double>getAs("checklist_share")).isCloseTo(0.5, within(1e-12));
    assertThat(u2.<String>getAs("band")).isEqualTo("Low");
    assertThat(((Number) u2.getAs("rank")).intValue()).isEqualTo(2);
    Row u3 = unit(units, "code", 103L);
    assertThat(u3.<Boolean>getAs("assessed")).isFalse();
    assertThat((Object) u3.getAs("checklist_share")).isNull();
    // summary: 2 assessed units, mean share (0.75 + 0.5) / 2 = 0.625, one unit in each band
    Dataset<Row> summary = out.tables.get("toy_checklist_summary");
    Row high = unit(summary.where("group_kind = 'band'"), "band", "High");
    assertThat(((Number) high.getAs("units")).intValue()).isEqualTo(2);
    assertThat(((Number) high.getAs("band_count")).intValue()).isEqualTo(1);
    assertThat(high.<Double>getAs("mean_value")).isCloseTo(0.625, within(1e-12));
    assertThat(high.<Double>getAs("band_share_pct")).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void aPerCapitaRatioScalesBothSidesAndKeepsAMissingSideAsNoRatio() throws IOException {
    IndicatorDefinition definition =
        load(
            """
            name: toy_economy
            type: per_capita
            title: {en: toy, zh: 玩具}
            input: {dataset: stats, unit: code, unit_name: name, period: year, indicator_column: indicator}
            numerator: {indicator: GDP, factor: 1.0e8, column: gdp, unit: 亿元, en: GDP, zh: 地区生产总值}
            denominator: {indicator: POP, factor: 1.0e4, column: pop, unit: 万人, en: population, zh: 人口}
            column: gdp_per_capita
            column_unit: yuan per person
            """,
            Set.of("stats"));
    StructType schema =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("indicator", DataTypes.StringType)
            .add("value", DataTypes.DoubleType);
    Dataset<Row> stats =
        spark.createDataFrame(
            List.of(
                RowFactory.create("p1", "Province", 2020, "GDP", 1000.0),
                RowFactory.create("p1", "Province", 2020, "POP", 500.0),
                RowFactory.create("p1", "Province", 2019, "GDP", 900.0)),
            schema);
    Collected out = write(definition, Map.of("stats", stats));
    assertThat(out.tables).containsOnlyKeys("toy_economy");
    Dataset<Row> units = out.tables.get("toy_economy");
    // 1000 亿元 × 1e8 / (500 万人 × 1e4) = 1e11 / 5e6 = 20,000 yuan per person
    assertThat(unit(units, "year", 2020).<Double>getAs("gdp_per_capita"))
        .isCloseTo(20_000.0, within(1e-9));
    // 2019 has GDP but no population: the row is kept with no ratio
    Row y2019 = unit(units, "year", 2019);
    assertThat(y2019.<Double>getAs("gdp")).isEqualTo(900.0);
    assertThat((Object) y2019.getAs("gdp_per_capita")).isNull();
  }

  @Test
  void aCompositeWritesItsDimensionMeansBesideTheRankedUnits() throws IOException {
    IndicatorDefinition definition =
        load(
            """
            name: toy_composite
            type: composite
            title: {en: toy, zh: 玩具}
            input: {dataset: scores, unit: code, unit_name: name, period: year}
            dimensions:
              - {column: a, weight: 0.25, en: a, zh: 甲}
              - {column: b, weight: 0.75, en: b, zh: 乙}
            composite: {column: index}
            statistics:
              ranking: competition
              bands:
                - {name: High, min: 60}
                - {name: Low, min: 0}
            """,
            Set.of("scores"));
    StructType schema =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType);
    Dataset<Row> scores =
        spark.createDataFrame(
            List.of(
                RowFactory.create("x", "X", 2020, 80.0, 60.0),
                RowFactory.create("y", "Y", 2020, 40.0, 20.0)),
            schema);
    Collected out = write(definition, Map.of("scores", scores));
    assertThat(out.tables)
        .containsKeys("toy_composite", "toy_composite_summary", "toy_composite_dimension_means");
    // x: 0.25×80 + 0.75×60 = 65 (High, rank 1); y: 0.25×40 + 0.75×20 = 25 (Low, rank 2)
    Dataset<Row> units = out.tables.get("toy_composite");
    assertThat(unit(units, "code", "x").<Double>getAs("index")).isCloseTo(65.0, within(1e-12));
    assertThat(unit(units, "code", "y").<String>getAs("band")).isEqualTo("Low");
    // dimension a: (80 + 40) / 2 = 60; b: (60 + 20) / 2 = 40
    Dataset<Row> means = out.tables.get("toy_composite_dimension_means");
    assertThat(unit(means, "dimension", "a").<Double>getAs("mean_score"))
        .isCloseTo(60.0, within(1e-12));
    assertThat(unit(means, "dimension", "b").<Double>getAs("mean_score"))
        .isCloseTo(40.0, within(1e-12));
    assertThat(IndicatorKinds.order(definition, "toy_composite_dimension_means"))
        .containsExactly("year", "dimension");
    assertThat(IndicatorKinds.rankedValue(definition)).hasValue("index");
  }
}
