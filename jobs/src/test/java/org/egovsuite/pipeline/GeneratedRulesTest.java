package org.egovsuite.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;

class GeneratedRulesTest {
  private final PipelineConfig config =
      PipelineConfigLoader.load(Projects.home().resolve("conf/pipeline.yaml"), Projects.home());

  @Test
  void theProvincialScoresGetTheCompositeCheckFromTheIndicatorsWeights() {
    RuleFile extended =
        Pipeline.generatedRules(config)
            .extend(new RuleFile("f.yaml", "province_service_scores", List.of()));
    assertThat(extended.rules()).hasSize(1);
    Rule rule = extended.rules().get(0);
    assertThat(rule.id()).isEqualTo("composite_matches_weights");
    assertThat(rule.expression())
        .isEqualTo(
            "abs(composite_published - (0.1 * completeness + 0.2 * coverage + 0.2 * guide_accuracy + 0.5 * interactivity)) <= 0.01");
    assertThat(rule.where()).isEqualTo("composite_published IS NOT NULL");
    assertThat(rule.location()).endsWith("conf/indicators/province_capability.yaml (generated)");
  }

  @Test
  void otherDatasetsGetNothing() {
    assertThat(
            Pipeline.generatedRules(config)
                .extend(new RuleFile("f.yaml", "un_egdi", List.of()))
                .rules())
        .isEmpty();
  }
}
