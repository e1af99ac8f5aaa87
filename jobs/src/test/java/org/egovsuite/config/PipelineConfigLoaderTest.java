package org.egovsuite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheDefaultPipeline() {
    PipelineConfig config =
        PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());

    assertThat(config.datasets())
        .extracting(DatasetDefinition::name)
        .containsExactly(
            "un_egdi",
            "nbs_province",
            "nbs_major_cities",
            "census_city",
            "chile_egi_2019",
            "chile_egi_2021",
            "chile_local_gov_indicators",
            "nyc311",
            "dotgov_domains",
            "cn_provinces",
            "cn_cities",
            "province_service_scores",
            "hotline_12345",
            "service_items",
            "gov_social_accounts",
            "vulnerability_notices",
            "city_portal_checklist");
    assertThat(config.rulesFile("un_egdi"))
        .isEqualTo(Projects.home().resolve("quality-rules/un_egdi.yaml"));
    assertThat(config.egdi().ranking()).isEqualTo(RankingMethod.COMPETITION);
    assertThat(config.egdi().bands())
        .containsExactly(
            new Band("Very High", 0.75),
            new Band("High", 0.50),
            new Band("Middle", 0.25),
            new Band("Low", 0.0));
    assertThat(config.indicators())
        .extracting(IndicatorDefinition::name)
        .containsExactly(
            "province_economy",
            "province_capability",
            "chile_municipal_checklist",
            "hotline_12345_service",
            "nyc311_service",
            "dotgov_security_contacts",
            "vulnerability_fix_speed",
            "city_portal",
            "city_online_services",
            "city_social_media",
            "city_economy",
            "city_egov_index");
    CompositeIndicator capability = (CompositeIndicator) config.indicators().get(1);
    assertThat(capability.statistics().ranking()).isEqualTo(RankingMethod.DENSE);
    assertThat(capability.dimensions())
        .extracting(CompositeIndicator.Dimension::weight)
        .containsExactly(0.10, 0.20, 0.20, 0.50);
    assertThat(capability.statistics().bandOrAbove())
        .containsExactly(new StatisticsConfig.BandOrAbove("高及以上", "高"));
  }

  /**
   * A variant of an indicator lives beside the default under its own file and table name; two
   * definitions of one table name are refused naming both files.
   */
  @Test
  void anIndicatorMayBePublishedUnderANameOtherThanItsFile() {
    Path home = Projects.copyConfig(dir);
    Path original = home.resolve("conf/indicators/province_capability.yaml");
    Path variant = home.resolve("conf/indicators/province_capability_equal_weights.yaml");
    Projects.write(
        variant,
        Projects.read(original).replace("name: province_capability", "name: capability_equal"));
    Path pipeline = home.resolve("conf/pipeline.yaml");
    String listed = Projects.read(pipeline);
    Projects.write(
        pipeline,
        listed.replace(
            "    - province_capability\n",
            "    - province_capability\n    - province_capability_equal_weights\n"));
    PipelineConfig config = PipelineConfigLoader.load(pipeline, home);
    assertThat(config.indicators())
        .extracting(IndicatorDefinition::name)
        .contains("province_capability", "capability_equal");

    Projects.write(variant, Projects.read(original));
    assertThatThrownBy(() -> PipelineConfigLoader.load(pipeline, home))
        .hasMessageContaining(
            "indicator 'province_capability' is defined twice: in "
                + original
                + " and in "
                + variant);
  }

  /** Direction, bands by max, asymmetric performer thresholds and a list size, as configured. */
  @Test
  void lowerIsBetterBandsByMaxAndAsymmetricPerformers() {
    Path home = Projects.copyConfig(dir);
    Path definition = home.resolve("conf/indicators/province_capability.yaml");
    String original = Projects.read(definition);
    String lower =
        original
            .replace("  ranking: dense\n", "  ranking: dense\n  higher_is_better: false\n")
            .replace("{name: 非常高, min: 90}", "{name: 非常高, max: 10}")
            .replace("{name: 高, min: 80}", "{name: 高, max: 20}")
            .replace("{name: 中, min: 65}", "{name: 中, max: 35}")
            .replace("{name: 低, min: 0}", "{name: 低, max: 100}")
            .replace(
                "performers: {method: residual, threshold: 1.0}",
                "performers: {method: rank_gap, over: 12, under: 20, top: 5}");
    Projects.write(definition, lower);
    CompositeIndicator loaded =
        (CompositeIndicator)
            PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home)
                .indicators()
                .stream()
                .filter(d -> d.name().equals("province_capability"))
                .findFirst()
                .orElseThrow();
    assertThat(loaded.statistics().higherIsBetter()).isFalse();
    assertThat(loaded.statistics().bands().get(0)).isEqualTo(new Band("非常高", 10, true));
    assertThat(loaded.statistics().performers())
        .isEqualTo(
            new StatisticsConfig.Performers(
                StatisticsConfig.Performers.Method.RANK_GAP, 12, 20, 5));

    Projects.write(definition, lower.replace("{name: 高, max: 20}", "{name: 高, max: 5}"));
    assertThatThrownBy(() -> PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home))
        .hasMessageContaining(
            "with higher_is_better: false, bands are listed best first: from the lowest 'max' up");
  }

  @Test
  void indicatorDefinitionErrorsNameFileLineAndTheValidChoices() {
    Path home = Projects.copyConfig(dir);
    Path definition = home.resolve("conf/indicators/province_capability.yaml");
    String original = Projects.read(definition);

    Projects.write(definition, original.replace("through: 高}", "through: 高高}"));
    assertThatThrownBy(() -> PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(definition + ":")
        .hasMessageContaining("key 'statistics.band_or_above[0].through': no band '高高'; bands:");

    Projects.write(
        definition, original.replace("source: province_economy", "source: province_econmy"));
    assertThatThrownBy(() -> PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home))
        .hasMessageContaining(
            "unknown source 'province_econmy'; sources are the datasets of the pipeline (")
        .hasMessageContaining("nbs_province, ")
        .hasMessageContaining(") and the indicators listed before this one (province_economy)");

    Projects.write(definition, original.replace("type: composite", "type: compsite"));
    assertThatThrownBy(() -> PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home))
        .hasMessageContaining(
            "unknown indicator type 'compsite'; valid: aggregate, checklist, composite, normalised_composite, per_capita");

    Projects.write(
        definition,
        original.replace(
            "{column: completeness, weight: 0.10,", "{column: completeness, weight: 0,"));
    assertThatThrownBy(() -> PipelineConfigLoader.load(home.resolve("conf/pipeline.yaml"), home))
        .hasMessageContaining("key 'dimensions[0].weight': weight must be above 0");
  }

  @Test
  void malformedYamlNamesFileAndLine() {
    Path file =
        Projects.write(
            Projects.copyConfig(dir).resolve("conf/pipeline.yaml"),
            """
        datasets:
          - un_egdi
        indicators: {egdi: [unclosed
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":4: malformed YAML:");
  }

  @Test
  void indicatorOnUnknownDatasetListsTheKnownOnes() {
    Path file =
        Projects.write(
            Projects.copyConfig(dir).resolve("conf/pipeline.yaml"),
            """
        datasets: [un_egdi]
        indicators:
          egdi:
            dataset: un_egd
            bands: [{name: all, min: 0}]
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .hasMessage(
            file + ":4 key 'indicators.egdi.dataset': unknown dataset 'un_egd'; known: un_egdi");
  }

  @Test
  void bandsMustBeListedFromTheTopDown() {
    Path file =
        Projects.write(
            Projects.copyConfig(dir).resolve("conf/pipeline.yaml"),
            """
        datasets: [un_egdi]
        indicators:
          egdi:
            dataset: un_egdi
            bands: [{name: low, min: 0}, {name: high, min: 0.5}]
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .hasMessageContaining("bands must be listed from the highest 'min' down");
  }

  @Test
  void datasetWithoutDefinitionFileIsNamed() {
    Path file =
        Projects.write(
            Projects.copyConfig(dir).resolve("conf/pipeline.yaml"),
            """
        datasets: [un_egdi, nowhere]
        indicators: {egdi: {dataset: un_egdi, bands: [{name: all, min: 0}]}}
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .hasMessageContaining("no dataset definition " + dir.resolve("conf/datasets/nowhere.yaml"));
  }
}
