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
    Path file =
        Projects.write(
            dir.resolve("t.yaml"),
            """
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
        .hasMessageContaining(
            file
                + ":3 key 'rules[0].kind': unsupported rule kind 'completness'; valid kinds: completeness, uniqueness, range, expression, pattern, allowed_values, row_count")
        .hasMessageContaining(
            file
                + ":4 key 'rules[1].columns': unknown column 'nmae'; columns of the dataset: name, score, year")
        .hasMessageContaining(file + ":5 key 'rules[2].min': threshold 1.5 is outside [0, 1]")
        .hasMessageContaining(
            file + ":6 key 'rules[3].id': duplicate rule id 'b' (first at line 4)")
        .hasMessageContaining(
            file + ":7 key 'rules[4].expression': 'score >' is not a valid SQL expression")
        .hasMessageContaining(file + ":8 key 'rules[5].where': unknown column 'yaer'")
        .hasMessageContaining(file + ":9 key 'rules[6]': a range rule needs 'min', 'max' or both")
        .hasMessageContaining(
            file + ":10 key 'rules[7].severity': unknown severity 'fatal'; valid: error, warning");
  }

  @Test
  void referenceFreshnessDriftAndActionsAreValidatedAllAtOnce() {
    Path file =
        Projects.write(
            dir.resolve("t.yaml"),
            """
        dataset: t
        rules:
          - {id: a, kind: reference, columns: [name], reference: {dataset: divisons, column: code}}
          - {id: b, kind: reference, columns: [name], reference: {dataset: divisions, column: cod}}
          - {id: c, kind: freshness, columns: [year]}
          - {id: d, kind: freshness, columns: [year, name], max_age_days: 3}
          - {id: e, kind: drift, metric: median, columns: [score], max_change: 0.1}
          - {id: f, kind: drift, metric: row_count, max_change: 0}
          - {id: g, kind: row_count, min: 1, action: quarantine}
          - {id: h, kind: completeness, columns: [name], severity: warning, action: fail}
          - {id: i, kind: completeness, columns: [name], action: warn}
          - {id: j, kind: completeness, columns: [name], action: drop}
        """);

    assertThatThrownBy(
            () ->
                RuleFileLoader.load(
                    file, "t", COLUMNS, java.util.Map.of("divisions", Set.of("code", "name"))))
        .hasMessageStartingWith("10 problem(s) in rule file " + file + ":")
        .hasMessageContaining(
            file
                + ":3 key 'rules[0].reference': unknown dataset 'divisons'; datasets of the pipeline: divisions")
        .hasMessageContaining(
            file
                + ":4 key 'rules[1].reference': dataset 'divisions' has no column 'cod'; its columns: code, name")
        .hasMessageContaining(
            file + ":5 key 'rules[2]': a freshness rule needs 'max_age_days' >= 0")
        .hasMessageContaining(
            file + ":6 key 'rules[3].columns': a freshness rule watches exactly one date column")
        .hasMessageContaining(
            file
                + ":7 key 'rules[4].metric': unknown metric 'median'; valid metrics: row_count, completeness, mean, minimum, maximum, sum")
        .hasMessageContaining(
            file + ":8 key 'rules[5].max_change': a drift rule needs 'max_change' > 0 (0.2 = ±20%)")
        .hasMessageContaining(
            file
                + ":9 key 'rules[6].action': a row_count rule judges the whole dataset, so it has no rows to quarantine; row-level kinds: completeness, uniqueness, range, expression, pattern, allowed_values, reference")
        .hasMessageContaining(
            file
                + ":10 key 'rules[7].action': action 'fail' stops the dataset, so it needs severity error")
        .hasMessageContaining(
            file
                + ":11 key 'rules[8].action': severity error stops the dataset when the rule fails; use action fail")
        .hasMessageContaining(
            file
                + ":12 key 'rules[9].action': unknown action 'drop'; valid: fail, warn, quarantine");
  }

  @Test
  void ruleFileMustBeForItsDataset() {
    Path file = Projects.write(dir.resolve("t.yaml"), "dataset: other\nrules: []\n");
    assertThatThrownBy(() -> RuleFileLoader.load(file, "t", COLUMNS))
        .hasMessage(file + ":1 key 'dataset': rule file is for dataset 'other', expected 't'");
  }

  @Test
  void keysOfAnotherKindAreRejected() {
    Path file =
        Projects.write(
            dir.resolve("t.yaml"),
            """
        dataset: t
        rules:
          - {id: a, kind: completeness, columns: [name], expression: x > 1}
        """);
    assertThatThrownBy(() -> RuleFileLoader.load(file, "t", COLUMNS))
        .hasMessageContaining(
            "unknown key 'expression'; valid keys: action, columns, description, id, kind, min, owner, severity, where");
  }

  @Test
  void theBundledRuleFileIsValid() {
    RuleFile rules =
        RuleFileLoader.load(
            Projects.home().resolve("quality-rules/un_egdi.yaml"),
            "un_egdi",
            Set.of(
                "survey_year",
                "country_name",
                "egdi_rank",
                "egdi",
                "epi",
                "osi",
                "hci",
                "tii",
                "row_flags"));
    assertThat(rules.rules())
        .extracting(Rule::id)
        .contains("egdi_is_mean_of_components", "one_row_per_country_year");
  }
}
