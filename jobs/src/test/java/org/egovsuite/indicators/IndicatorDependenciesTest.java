package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;

class IndicatorDependenciesTest {
  @Test
  void anIndicatorWaitsOnlyForTheIndicatorsItReads() {
    PipelineConfig config =
        PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());
    Map<String, List<String>> dependencies = IndicatorStage.dependencies(config.indicators());
    // province_capability takes its covariate from province_economy; the city index reads the
    // hotline, portal, catalogue, social-media and economy tables; the others read datasets only.
    assertThat(dependencies)
        .containsEntry("province_capability", List.of("province_economy"))
        .containsEntry(
            "city_egov_index",
            List.of(
                "city_portal",
                "city_online_services",
                "hotline_12345_service",
                "city_social_media",
                "city_economy"));
    dependencies.forEach(
        (name, inputs) -> {
          if (!Set.of("province_capability", "city_egov_index").contains(name)) {
            assertThat(inputs).as(name).isEmpty();
          }
        });
    assertThat(dependencies).hasSize(config.indicators().size());
  }
}
