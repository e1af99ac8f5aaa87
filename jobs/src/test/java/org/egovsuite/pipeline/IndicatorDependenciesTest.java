package org.egovsuite.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;

class IndicatorChainsTest {
  @Test
  void anIndicatorRunsAfterTheIndicatorsItReadsAndIndependentOnesRunApart() {
    PipelineConfig config = PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());
    List<List<String>> chains = IndicatorStage.chainsOf(config.indicators()).stream()
        .map(chain -> chain.stream().map(IndicatorDefinition::name).toList()).toList();
    // province_capability takes its covariate from province_economy; the checklist reads datasets only.
    assertThat(chains).containsExactly(List.of("province_economy", "province_capability"),
        List.of("chile_municipal_checklist"));
  }
}
