package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.checks.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact uniqueness plan reaches Deequ's own verdict by each of its routes, on 100,000 rows (id
 * 1..100000) in four partitions of 25,000 consecutive ids. The head search reads the first 12,500
 * rows of each partition, so the duplicates planted in the last row of the nearly unique columns
 * are left to the later steps:
 *
 * <pre>
 *   id           1..100000                          unique       rising in each partition, partitions apart
 *   even         2 * id, last row repeats 2         not unique   offset bitmap (span 199,998 >= 100,000 values)
 *   with_null    id, null in row 7                  unique       in order (nulls left out, as Deequ does)
 *   near_range   id % 99999 (ids 99999, 100000 -> 0, 1) not unique   pigeonhole (100,000 values, 99,999 integers)
 *   scattered    id * 7919 mod 100003 (a bijection) unique       offset bitmap
 *   category     'a', 'b', 'c' by id % 3            not unique   head search
 *   code         'k' || id                          unique       hash bitmap
 *   near_code    'k' || id, last row repeats k1     not unique   hash bitmap, then the rows with equal keys
 *   closed       13 s apart from 1970               unique       in order
 *   closed_near  id % 99999 s                       not unique   pigeonhole in whole seconds
 *   closed_dup   2 * id s, last row repeats 2 s     not unique   offset bitmap in whole seconds
 *   closed_ms    scattered ms                       unique       offset bitmap in whole milliseconds
 * </pre>
 */
@Tag("large-data") // 100,000s of generated rows, with plain Deequ beside: over 10 s
@ExtendWith(SparkTest.class)
class ExactUniquenessTest {
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "even",
          "with_null",
          "near_range",
          "scattered",
          "category",
          "code",
          "near_code",
          "closed",
          "closed_near",
          "closed_dup",
          "closed_ms");
  @TempDir Path dir;

  private static Dataset<Row> data(SparkSession spark) {
    return spark
        .range(1, 100_001, 1, 4)
        .selectExpr(
            "id",
            "IF(id = 100000, 2, 2 * id) AS even",
            "IF(id = 7, NULL, id) AS with_null",
            "CAST(id % 99999 AS INT) AS near_range",
            "CAST(id * 7919 % 100003 AS INT) AS scattered",
            "ELEMENT_AT(ARRAY('a', 'b', 'c'), CAST(id % 3 + 1 AS INT)) AS category",
            "CONCAT('k', id) AS code",
            "IF(id = 100000, 'k1', CONCAT('k', id)) AS near_code",
            "TIMESTAMP_SECONDS(id * 13) AS closed",
            "TIMESTAMP_SECONDS(id % 99999) AS closed_near",
            "TIMESTAMP_SECONDS(2 * IF(id = 100000, 1, id)) AS closed_dup",
            "TIMESTAMP_MILLIS(id * 7919 % 100003) AS closed_ms");
  }

  @Test
  void everyRouteReachesDeequsVerdict(SparkSession spark) {
    Dataset<Row> data = data(spark);
    StringBuilder rules = new StringBuilder("dataset: t\nrules:\n");
    COLUMNS.forEach(
        c ->
            rules
                .append("  - {id: ")
                .append(c)
                .append(", kind: uniqueness, columns: [")
                .append(c)
                .append("]}\n"));
    RuleFile file =
        RuleFileLoader.load(
            Projects.write(dir.resolve("t.yaml"), rules.toString()), "t", Set.copyOf(COLUMNS));

    QualityOutcome ours = new QualityCheckJob().data(data).rules(file).execute().outcome();

    List<Check> plain = new ArrayList<>();
    COLUMNS.forEach(
        c ->
            plain.add(
                DeequAdapter.newCheck(Severity.ERROR, c)
                    .hasUniqueness(
                        DeequAdapter.seq(List.of(c)),
                        DeequAdapter.atLeast(1.0),
                        DeequAdapter.none(),
                        DeequAdapter.none())));
    var deequ = DeequAdapter.verify(data, plain);
    for (int i = 0; i < COLUMNS.size(); i++) {
      String column = COLUMNS.get(i);
      RuleResult result =
          ours.results().stream().filter(r -> r.ruleId().equals(column)).findFirst().orElseThrow();
      boolean deequPassed = DeequAdapter.outcomes(deequ, plain.get(i)).get(0).passed();
      assertThat(result.passed()).as(column + ": " + result.message()).isEqualTo(deequPassed);
    }
    assertThat(ours.results()).as("one result per rule").hasSize(COLUMNS.size());
    assertThat(message(ours, "id")).isEmpty();
    assertThat(message(ours, "code")).isEmpty();
    assertThat(message(ours, "scattered")).isEmpty();
    // a failing rule is counted: the value 2 is held by two of the 100,000 rows
    assertThat(message(ours, "even"))
        .isEqualTo(
            "2 of 100,000 rows (0.002%) share their even with another row; the rule"
                + " needs share >= 1.0 (not unique: even value '2' occurs more than once (exact check))");
    assertThat(message(ours, "with_null")).isEmpty();
    assertThat(message(ours, "near_range"))
        .endsWith(
            "(not unique: 100,000 values in near_range but only 99,999 integers between 0 and 99,998)");
    // every one of the 100,000 categories a, b, c is shared
    assertThat(message(ours, "category"))
        .matches(
            "100,000 of 100,000 rows \\(100.0%\\) share their category with another"
                + " row; the rule needs share >= 1.0 \\(not unique: category value '[abc]' occurs more than once\\)");
    assertThat(message(ours, "near_code"))
        .endsWith("(not unique: near_code value 'k1' occurs more than once (exact check))");
    assertThat(message(ours, "closed")).isEmpty();
    assertThat(message(ours, "closed_ms")).isEmpty();
    assertThat(message(ours, "closed_near"))
        .endsWith(
            "(not unique: 100,000 values in closed_near but only 99,999 whole"
                + " seconds between 1970-01-01T00:00:00Z and 1970-01-02T03:46:38Z)");
    assertThat(message(ours, "closed_dup"))
        .endsWith(
            "(not unique: closed_dup value '1970-01-01T00:00:02Z' occurs more than once (exact check))");
  }

  private static String message(QualityOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow()
        .message();
  }
}
