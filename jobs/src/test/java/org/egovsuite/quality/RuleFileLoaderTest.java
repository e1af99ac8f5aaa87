package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileLoaderTest {
  private static final Set<String> COLUMNS = Set.of("year", "name", "score");
  @TempDir Path dir;

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    Path file = Projects.write(dir.resolve("t.yaml"), """
        dataset: t
        rules:
          - {id: a, kind: completness, columns: [name]}
          - {id: b, kind: completeness, columns: [nmae]}
          - {id: c, kind: completeness, columns: [name], min: 1.5}
          - {id: b, kind: uniqueness, columns: [year]}
          - {id: e, kind: expression, expression: "score >"}
          - {id: f, kind: range, columns: [score], min: 0, where: yaer = 2018}
          - {id: g, kind: range, columns: [score]}
          - {id: h, kind: completeness, columns: [name], severity: fatal}
        """);

    assertThatThrownBy(() -> RuleFileLoader.load(file, "t", COLUMNS))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("8 problem(s) in rule file " + file + ":")
        .hasMessageContaining(file + ":3 key 'rules[0].kind': unsupported rule kind 'completness'; valid kinds: completeness, uniqueness, range, expression, pattern, allowed_values, row_count")
        .hasMessageContaining(file + ":4 key 'rules[1].columns': unknown column 'nmae'; columns of the dataset: name, score, year")
        .hasMessageContaining(file + ":5 key 'rules[2].min': threshold 1.5 is outside [0, 1]")
        .hasMessageContaining(file + ":6 key 'rules[3].id': duplicate rule id 'b' (first at line 4)")
        .hasMessageContaining(file + ":7 key 'rules[4].expression': 'score >' is not a valid SQL expression")
        .hasMessageContaining(file + ":8 key 'rules[5].where': unknown column 'yaer'")
        .hasMessageContaining(file + ":9 key 'rules[6]': a range rule needs 'min', 'max' or both")
        .hasMessageContaining(file + ":10 key 'rules[7].severity': unknown severity 'fatal'; valid: error, warning");
  }

  @Test
  void ruleFileMustBeForItsDataset() {
    Path file = Projects.write(dir.resolve("t.yaml"), "dataset: other\nrules: []\n");
    assertThatThrownBy(() -> RuleFileLoader.load(file, "t", COLUMNS))
        .hasMessage(file + ":1 key 'dataset': rule file is for dataset 'other', expected 't'");
  }

  @Test
  void keysOfAnotherKindAreRejected() {
    Path file = Projects.write(dir.resolve("t.yaml"), """
        dataset: t
        rules:
          - {id: a, kind: completeness, columns: [name], expression: x > 1}
        """);
    assertThatThrownBy(() -> RuleFileLoader.load(file, "t", COLUMNS))
        .hasMessageContaining("unknown key 'expression'; valid keys: columns, description, id, kind, min, owner, severity, where");
  }

  @Test
  void theBundledRuleFileIsValid() {
    RuleFile rules = RuleFileLoader.load(Projects.home().resolve("quality-rules/un_egdi.yaml"), "un_egdi",
        Set.of("survey_year", "country_name", "egdi_rank", "egdi", "epi", "osi", "hci", "tii", "row_flags"));
    assertThat(rules.rules()).extracting(Rule::id).contains("egdi_is_mean_of_components", "one_row_per_country_year");
  }
}
