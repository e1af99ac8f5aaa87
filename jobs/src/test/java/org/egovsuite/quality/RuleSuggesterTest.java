package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.suggest.DraftWriter;
import org.egovsuite.quality.suggest.RuleSuggester;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deequ's suggestions as a draft rule file, on 40 rows: id 0..39 (complete, not negative), code
 * 'r0'..'r39' (unique), grp alternating 'a'/'b', and a column that is null in every row, on which
 * Deequ's suggestion runner alone fails (awslabs/deequ#419).
 */
@ExtendWith(SparkTest.class)
class RuleSuggesterTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void draftsLoadableRulesAndNotesAllNullColumns(SparkSession spark) {
    Dataset<Row> data =
        spark
            .range(40)
            .selectExpr(
                "CAST(id AS INT) AS id",
                "CONCAT('r', id) AS code",
                "IF(id % 2 = 0, 'a', 'b') AS grp",
                "CAST(NULL AS STRING) AS empty");

    RuleSuggester.Draft draft =
        RuleSuggester.suggest("t", data, List.of("id", "code", "grp", "empty"));

    assertThat(draft.allNullColumns()).containsExactly("empty");
    assertThat(draft.rules())
        .extracting(r -> r.get("id"))
        .contains(
            "id_complete", "id_not_negative", "code_unique", "grp_complete", "grp_allowed_values")
        .noneMatch(id -> id.toString().startsWith("empty"));
    Map<String, Object> grp =
        draft.rules().stream()
            .filter(r -> r.get("id").equals("grp_allowed_values"))
            .findFirst()
            .orElseThrow();
    assertThat((List<Object>) grp.get("values")).containsExactlyInAnyOrder("a", "b");

    String yaml = DraftWriter.yaml(draft, "a test frame");
    assertThat(yaml).contains("# column empty is null in every row: no rule suggested.");
    RuleFile loaded =
        RuleFileLoader.load(
            Projects.write(dir.resolve("t.draft.yaml"), yaml),
            "t",
            Set.of("id", "code", "grp", "empty"));
    assertThat(loaded.rules())
        .hasSize(draft.rules().size())
        .allMatch(r -> r.severity() == Severity.WARNING);
  }

  /**
   * Observed bounds become a range rule widened by 10% of the span: id 0..39 → [0, 42.9] (0 − 3.9
   * is kept at 0, a column never negative stays so; 39 + 3.9). A timestamp column unique in the
   * sample is not suggested unique unless the definition lists it as a key.
   */
  @Test
  void rangesAreKeptWithAMarginAndTimesAreNotSuggestedUnique(SparkSession spark) {
    Dataset<Row> data =
        spark
            .range(40)
            .selectExpr(
                "CAST(id AS INT) AS id", "TIMESTAMP_SECONDS(1700000000 + id * 3600) AS created");

    RuleSuggester.Draft draft = RuleSuggester.suggest("t", data, List.of("id", "created"));
    Map<String, Object> range =
        draft.rules().stream()
            .filter(r -> r.get("id").equals("id_range"))
            .findFirst()
            .orElseThrow();
    assertThat(range)
        .containsEntry("kind", "range")
        .containsEntry("min", 0.0)
        .containsEntry("max", 42.9);
    assertThat(range.get("description").toString())
        .startsWith("observed 0.0 to 39.0, widened by 10% of the span");
    assertThat(draft.rules()).extracting(r -> r.get("id")).doesNotContain("created_unique");
    assertThat(draft.skipped())
        .anyMatch(s -> s.startsWith("created: unique in this data, but times repeat"));

    RuleSuggester.Draft keyed =
        RuleSuggester.suggest("t", data, List.of("id", "created"), Set.of("created"));
    assertThat(keyed.rules()).extracting(r -> r.get("id")).contains("created_unique");
    RuleFileLoader.load(
        Projects.write(dir.resolve("r.draft.yaml"), DraftWriter.yaml(draft, "a test frame")),
        "t",
        Set.of("id", "created"));
  }
}
