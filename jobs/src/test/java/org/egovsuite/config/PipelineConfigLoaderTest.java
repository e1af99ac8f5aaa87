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
    PipelineConfig config = PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());

    assertThat(config.datasets()).extracting(DatasetDefinition::name).containsExactly("un_egdi", "nbs_province",
        "nbs_major_cities", "census_city", "chile_egi_2019", "chile_egi_2021", "chile_local_gov_indicators", "nyc311",
        "dotgov_domains", "cn_provinces", "cn_cities");
    assertThat(config.rulesFile("un_egdi")).isEqualTo(Projects.home().resolve("quality-rules/un_egdi.yaml"));
    assertThat(config.egdi().ranking()).isEqualTo(RankingMethod.COMPETITION);
    assertThat(config.egdi().bands()).containsExactly(
        new Band("Very High", 0.75), new Band("High", 0.50), new Band("Middle", 0.25), new Band("Low", 0.0));
  }

  @Test
  void malformedYamlNamesFileAndLine() {
    Path file = Projects.write(Projects.copyConfig(dir).resolve("conf/pipeline.yaml"), """
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
    Path file = Projects.write(Projects.copyConfig(dir).resolve("conf/pipeline.yaml"), """
        datasets: [un_egdi]
        indicators:
          egdi:
            dataset: un_egd
            bands: [{name: all, min: 0}]
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .hasMessage(file + ":4 key 'indicators.egdi.dataset': unknown dataset 'un_egd'; known: un_egdi");
  }

  @Test
  void bandsMustBeListedFromTheTopDown() {
    Path file = Projects.write(Projects.copyConfig(dir).resolve("conf/pipeline.yaml"), """
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
    Path file = Projects.write(Projects.copyConfig(dir).resolve("conf/pipeline.yaml"), """
        datasets: [un_egdi, nowhere]
        indicators: {egdi: {dataset: un_egdi, bands: [{name: all, min: 0}]}}
        """);

    assertThatThrownBy(() -> PipelineConfigLoader.load(file, dir))
        .hasMessageContaining("no dataset definition " + dir.resolve("conf/datasets/nowhere.yaml"));
  }
}
