package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.IndicatorDefinitionLoader;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four capability dimensions derived from a hand-made service catalogue
 * (src/test/resources/catalogue), then the composite read from them — both from YAML definitions,
 * the way the generated catalogue will feed them.
 *
 * <p>浙江 (3 items): Z1 online, 4/4 channels, 6/6 guide fields well formed, 4/4 features; Z2 online,
 * 3/4 channels, 5/6 fields (location blank), 2/4 features; Z3 offline, 1/4 channels, 2/6 fields
 * (materials blank; fees "看情况", time limit "尽快", contact "请咨询" malformed), 0/4 features. coverage =
 * 2/3 = 66.67; completeness = (1 + .75 + .25)/3 = 66.67; guide accuracy = (6 + 5 + 2)/18 = 72.22;
 * interactivity = (1 + .5 + 0)/3 = 50. Composite 0.1·66.67 + 0.2·66.67 + 0.2·72.22 + 0.5·50 =
 * 59.44. 西藏 (1 item): online, 1/4 channels, 6/6 fields, 1/4 features → 100, 25, 100, 25; composite
 * 2.5 + 20 + 20 + 12.5 = 55.
 */
@ExtendWith(SparkTest.class)
class ServiceCatalogueTest {
  private static final Path DIR = Path.of("src/test/resources/catalogue");
  private final SparkSession spark;

  ServiceCatalogueTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void dimensionsAndCompositeFromItemLevelData() {
    IndicatorDefinition scores =
        IndicatorDefinitionLoader.load(
            DIR.resolve("catalogue_scores.yaml"), Set.of("service_catalogue"), Set.of());
    IndicatorDefinition capability =
        IndicatorDefinitionLoader.load(
            DIR.resolve("catalogue_capability.yaml"),
            Set.of("service_catalogue"),
            Set.of("catalogue_scores"));
    Dataset<Row> catalogue =
        spark.read().option("header", "true").csv(DIR.resolve("service_catalogue.csv").toString());
    Dataset<Row> dimensions = IndicatorKinds.units(scores, name -> catalogue, noLookups());

    Map<String, Row> byUnit = byUnit(dimensions);
    Row zhejiang = byUnit.get("330000");
    assertThat(zhejiang.<Long>getAs("items")).isEqualTo(3L);
    assertThat(zhejiang.<Double>getAs("coverage")).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(zhejiang.<Double>getAs("completeness")).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(zhejiang.<Double>getAs("guide_accuracy")).isCloseTo(1300.0 / 18, within(1e-9));
    assertThat(zhejiang.<Double>getAs("interactivity")).isCloseTo(50.0, within(1e-9));
    Row tibet = byUnit.get("540000");
    assertThat(tibet.<Double>getAs("coverage")).isEqualTo(100.0);
    assertThat(tibet.<Double>getAs("completeness")).isEqualTo(25.0);
    assertThat(tibet.<Double>getAs("guide_accuracy")).isEqualTo(100.0);
    assertThat(tibet.<Double>getAs("interactivity")).isEqualTo(25.0);

    Map<String, Row> composite =
        byUnit(IndicatorKinds.units(capability, name -> dimensions, noLookups()));
    assertThat(composite.get("330000").<Double>getAs("capability_index"))
        .isCloseTo(0.1 * 200 / 3 + 0.2 * 200 / 3 + 0.2 * 1300 / 18 + 0.5 * 50, within(1e-9));
    assertThat(composite.get("540000").<Double>getAs("capability_index"))
        .isCloseTo(55.0, within(1e-9));
    assertThat(composite.get("330000").<Integer>getAs("rank")).isEqualTo(1);
    assertThat(composite.get("540000").<String>getAs("band")).isEqualTo("低");
  }

  private static Function<String, Dataset<Row>> noLookups() {
    return file -> {
      throw new AssertionError("no lookups configured");
    };
  }

  private static Map<String, Row> byUnit(Dataset<Row> data) {
    return data.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("province_division_code"), r -> r));
  }
}
