package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;

/**
 * quality-rules/schema.json, which editors use to validate and complete rule files, agrees with the
 * loader: every bundled rule file conforms, and the mistakes the loader refuses are refused by the
 * schema too.
 */
class RuleFileSchemaTest {
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Projects.read(Projects.home().resolve("quality-rules/schema.json")));
  private static final ObjectMapper YAML = new YAMLMapper();

  private static Set<ValidationMessage> validate(String yaml) throws Exception {
    return SCHEMA.validate(YAML.readTree(yaml));
  }

  @Test
  void everyBundledRuleFileConforms() throws Exception {
    List<Path> files;
    // the dataset rule files and the table audits under tables/
    try (Stream<Path> list = Files.walk(Projects.home().resolve("quality-rules"))) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path file : files) {
      JsonNode rules = YAML.readTree(file.toFile());
      assertThat(SCHEMA.validate(rules)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void mistakesTheLoaderRefusesAreRefused() throws Exception {
    assertThat(validate("dataset: t\nrules:\n  - {id: a, kind: completness, columns: [x]}\n"))
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: completeness, columns: [x], min: 1.5}\n"))
        .isNotEmpty();
    assertThat(validate("dataset: t\nrules:\n  - {id: a, kind: range, columns: [x]}\n"))
        .as("range without bounds")
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: completeness, columns: [x], expression: y}\n"))
        .as("key of another kind")
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: completeness, columns: [x], severity: fatal}\n"))
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: pattern, columns: [x], expression: '^\\\\d{6}$'}\n"))
        .isEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: row_count, min: 1, action: quarantine}\n"))
        .as("quarantine on a dataset-level kind")
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: reference, columns: [x], reference: {dataset: d}}\n"))
        .as("reference without column")
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: drift, metric: median, max_change: 0.2}\n"))
        .isNotEmpty();
    assertThat(validate("dataset: t\nrules:\n  - {id: a, kind: freshness, columns: [x]}\n"))
        .isNotEmpty();
    assertThat(
            validate(
                "dataset: t\nrules:\n  - {id: a, kind: drift, metric: row_count, max_change: 0.2}\n"
                    + "  - {id: b, kind: freshness, columns: [x], max_age_days: 30}\n"
                    + "  - {id: c, kind: reference, columns: [x], reference: {dataset: d, column: c}, action: quarantine}\n"))
        .isEmpty();
  }
}
