package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The messiness the generator injected into the bundled sample (its counts in
 * data/generated/_generation.json) is found again by the default run on the bundled data: every
 * malformed line in the ingest quarantine, every out-of-range value in the quality quarantine, the
 * blanks in the completeness metric and the duplicates in the uniqueness metric, exactly. With n =
 * lines − malformed rows reaching the quality stage: completeness = 1 − nulls / n; Deequ's
 * uniqueness (rows whose key occurs once / rows) = (n − 2 × duplicates) / n.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
class GeneratedDataQualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hotline_12345, category_complete, tickets_mostly_unique, ticket_ids_unique",
    "service_items, department_complete, items_mostly_unique, item_ids_unique",
    "gov_social_accounts, department_complete, accounts_mostly_unique, account_listed_once_per_year",
    "vulnerability_notices, department_complete, notices_mostly_unique, notice_ids_unique",
    "city_portal_checklist, indicators_assessed, , one_row_per_city_and_year"
  })
  void theGateFindsWhatTheGeneratorInjected(
      String dataset, String completeness, String uniquenessShare, String uniqueness)
      throws IOException {
    Map<String, Long> injected = injected(dataset);
    JsonNode ingest = dataset(read("ingest.json"), dataset);
    JsonNode quality = dataset(read("quality.json"), dataset);
    long n = injected.get("lines") - injected.get("malformed");

    assertThat(ingest.get("rowsRead").asLong()).isEqualTo(injected.get("lines"));
    assertThat(ingest.get("rowsQuarantined").asLong()).isEqualTo(injected.get("malformed"));
    assertThat(quality.get("rowsIn").asLong()).isEqualTo(n);
    assertThat(quality.get("rowsQuarantined").asLong()).isEqualTo(injected.get("out_of_range"));
    assertThat(quality.get("verdict").asText()).isEqualTo("WARNED");
    assertThat(metric(quality, completeness))
        .isCloseTo(1.0 - (double) injected.get("null") / n, within(1e-12));
    assertThat(passed(quality, completeness)).isEqualTo(injected.get("null") == 0);
    if (uniquenessShare != null) {
      assertThat(metric(quality, uniquenessShare))
          .isCloseTo((double) (n - 2 * injected.get("duplicate")) / n, within(1e-12));
    }
    assertThat(passed(quality, uniqueness)).isEqualTo(injected.get("duplicate") == 0);
    // Every spelling of a city name the generator used resolved to a division code.
    assertThat(passed(quality, "city_resolved")).isTrue();
  }

  private static Map<String, Long> injected(String dataset) throws IOException {
    JsonNode manifest =
        JSON.readTree(Projects.home().resolve("data/generated/_generation.json").toFile());
    for (JsonNode d : manifest.get("datasets")) {
      if (d.get("name").asText().equals(dataset)) {
        return JSON.convertValue(
            d.get("counts"), new com.fasterxml.jackson.core.type.TypeReference<>() {});
      }
    }
    throw new AssertionError("no " + dataset + " in the generation manifest");
  }

  private static JsonNode read(String state) throws IOException {
    // the stage's record, under "report" beside its format version
    return JSON.readTree(BundledRun.warehouse().resolve("_state").resolve(state).toFile())
        .get("report");
  }

  private static JsonNode dataset(JsonNode report, String dataset) {
    for (JsonNode d : report.get("datasets")) {
      if (d.get("dataset").asText().equals(dataset)) {
        return d;
      }
    }
    throw new AssertionError("no " + dataset + " in " + report);
  }

  private static double metric(JsonNode quality, String rule) {
    return result(quality, rule).get("value").asDouble();
  }

  private static boolean passed(JsonNode quality, String rule) {
    return result(quality, rule).get("passed").asBoolean();
  }

  private static JsonNode result(JsonNode quality, String rule) {
    for (JsonNode r : quality.get("results")) {
      if (r.get("ruleId").asText().equals(rule)) {
        return r;
      }
    }
    throw new AssertionError("no result of rule " + rule);
  }
}
