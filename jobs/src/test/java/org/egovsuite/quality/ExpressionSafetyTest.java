package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.egovsuite.config.ConfigException;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule expressions are input: only plain, pure SQL is accepted, the rest refused with a reason. */
class ExpressionSafetyTest {
  private static final Set<String> COLUMNS = Set.of("x", "y", "name", "flags");
  @TempDir Path dir;

  private RuleFile load(String expression) {
    Path file =
        Projects.write(
            dir.resolve("t.yaml"),
            "dataset: t\nrules:\n  - id: r\n    kind: expression\n    expression: \""
                + expression
                + "\"\n");
    return RuleFileLoader.load(file, "t", COLUMNS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "reflect('java.lang.Runtime', 'getRuntime') IS NOT NULL | calls function 'reflect'",
        "java_method('java.lang.System', 'exit', 0) = 0 | calls function 'java_method'",
        "(SELECT max(x) FROM t) > 1 | uses a subquery",
        "x IN (SELECT y FROM t) | uses a subquery",
        "exists(SELECT 1 FROM t) | uses a subquery",
        "my_udf(x) > 1 | calls function 'my_udf'",
        "input_file_name() = 'a' | calls function 'input_file_name'",
        "current_user() = 'a' | calls function 'current_user'",
        "system.builtin.abs(x) > 1 | calls function 'system.builtin.abs'",
        "transform(flags, f -> f) IS NULL | calls function 'transform'",
        // Spark substitutes ${env:HOME} in string literals when it runs the rule, after the check.
        "'${env:HOME}' = '/root' | variable substitution (${env:…}) is not allowed"
      })
  void unsafeExpressionsAreRefusedWithTheReason(String expression, String reason) {
    assertThatThrownBy(() -> load(expression))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void plainConditionsAreAccepted() {
    for (String ok :
        new String[] {
          "abs(x - (y + 1) / 3) <= 1e-4", "x IS NULL OR x >= 1", "y NOT IN (2008, 2010) AND x > 0",
          "lower(name) LIKE '%.gov'", "name RLIKE '^[0-9]{6}$'",
              "array_contains(flags, 'a') OR x BETWEEN 1 AND 2",
          "CASE WHEN x > 0 THEN y ELSE 0 END >= 0", "substr(name, 1, 2) = 'ab'",
              "CAST(x AS int) = 1"
        }) {
      assertThat(load(ok).rules()).as(ok).hasSize(1);
    }
  }

  @Test
  void everyBundledRuleFileUsesOnlyAllowedExpressions() throws Exception {
    long files;
    try (Stream<Path> yaml = Files.list(Projects.home().resolve("quality-rules"))) {
      files = yaml.filter(f -> f.toString().endsWith(".yaml")).count();
    }
    // Loading every rule file against its dataset's columns checks every expression and scope.
    assertThat(
            RuleFiles.loadAll(
                org.egovsuite.config.PipelineConfigLoader.load(
                    Projects.home().resolve("conf/pipeline.yaml"), Projects.home())))
        .hasSize((int) files);
  }
}
