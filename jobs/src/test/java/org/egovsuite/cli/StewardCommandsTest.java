package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steward's subcommands on the NYC 311 sample (924 requests, 11 without coordinates). */
@Tag("end-to-end") // runs pipeline commands on copies of the project
class StewardCommandsTest {
  @TempDir Path dir;

  @Test
  void checkIsADryRunThatShowsEveryRuleAndSampleFailingRows() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    Path rules =
        Projects.write(
            dir.resolve("try.yaml"),
            """
        dataset: nyc311
        rules:
          - {id: located, kind: completeness, columns: [latitude], severity: warning}
          - {id: closed_not_before_created, kind: expression, expression: closed_date IS NULL OR closed_date >= created_date}
        """);
    Path warehouse = dir.resolve("wh");

    CliRun run =
        CliRun.of(
            "quality",
            "check",
            "--dataset",
            "nyc311",
            "--rules",
            rules.toString(),
            "--samples",
            "3",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            warehouse.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    // 913 of 924 requests have a latitude (hand count of blank "Latitude" cells in the CSV: 11)
    assertThat(run.out())
        .contains("dataset nyc311, 924 rows")
        .containsPattern(
            "located +completeness +warning +warn +latitude +Completeness +0\\.988095 +FAIL")
        .containsPattern(
            "closed_not_before_created +expression +error +fail +rows +Compliance +1 +pass")
        .contains("verdict WARNED")
        .contains("failing rows of located (first 3):")
        .contains("latitude=null")
        // In words, with counts: 924 − 913 = 11 rows without a latitude.
        .contains("11 of 924 rows (1.2%) have no latitude; the rule needs share >= 1.0")
        .doesNotContain("does not meet the constraint requirement");
    // A dry run writes nothing, not even a run folder for its log; and once it has succeeded, its
    // Spark log in the temporary folder is gone too.
    assertThat(warehouse).doesNotExist();
    java.util.regex.Matcher runId =
        java.util.regex.Pattern.compile(" run (\\S+)  warehouse ").matcher(run.out());
    assertThat(runId.find()).as(run.out()).isTrue();
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), "egov-" + runId.group(1) + ".log"))
        .doesNotExist();
    assertThat(run.out()).containsPattern("finished in [0-9.]+ s\\n");
  }

  /**
   * Samples go with the rules that failed: the repeated values of a failing uniqueness rule (885 of
   * the 924 requests are NYPD's: counted in the CSV with Python's csv module), none under a rule
   * that passed although some rows miss it (11 without a latitude, the rule asks for half).
   */
  @Test
  void samplesAreShownForTheRulesThatFailed() {
    Path rules =
        Projects.write(
            dir.resolve("try.yaml"),
            """
        dataset: nyc311
        rules:
          - {id: mostly_located, kind: completeness, columns: [latitude], min: 0.5, severity: warning}
          - {id: one_request_per_agency, kind: uniqueness, columns: [agency], severity: warning}
        """);
    CliRun run = checkNyc311(rules);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("failing rows of one_request_per_agency (first 5):", "agency=NYPD (885 rows)")
        .doesNotContain("failing rows of mostly_located")
        .doesNotContain("WrappedArray");
  }

  /**
   * A steward's draft with a mistake answers before Spark starts: no run header, one line, exit 3.
   */
  @Test
  void aDraftRuleFileWithAMistakeIsRefusedBeforeSparkStarts() {
    Path rules =
        Projects.write(
            dir.resolve("try.yaml"),
            """
        dataset: nyc311
        rules:
          - {id: located, kind: completeness, columns: [latitud], severity: warning}
        """);
    CliRun run = checkNyc311(rules);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(run.err()).contains(rules + ":3").contains("unknown column 'latitud'");
    assertThat(run.out())
        .as("stopped before the run began")
        .doesNotContain("egov quality check  run");
    assertThat(dir.resolve("wh")).doesNotExist();
  }

  @Test
  void checkExitsFourWhenTheTriedRulesFail() {
    Path rules =
        Projects.write(
            dir.resolve("try.yaml"),
            """
        dataset: nyc311
        rules:
          - {id: everything_located, kind: completeness, columns: [latitude]}
        """);
    CliRun run = checkNyc311(rules);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    assertThat(run.err()).contains("dry run of nyc311: verdict FAILED (nothing was written)");
  }

  @Test
  void historyListsEveryRunsMetrics() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    String conf = home.resolve("conf/pipeline.yaml").toString();
    String warehouse = dir.resolve("wh").toString();
    assertThat(CliRun.of("ingest", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();

    long runs;
    try (var folders = Files.list(dir.resolve("wh/runs"))) {
      runs = folders.count();
    }
    CliRun history =
        CliRun.of(
            "quality",
            "history",
            "--dataset",
            "nyc311",
            "--rule",
            "request_volume_steady",
            "--conf",
            conf,
            "--warehouse",
            warehouse);
    try (var folders = Files.list(dir.resolve("wh/runs"))) {
      assertThat(folders.count()).as("a read-only command leaves no run folder").isEqualTo(runs);
    }

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out()).contains("nyc311: 2 recorded metric(s)");
    assertThat(history.out().lines().filter(l -> l.contains("request_volume_steady")))
        .hasSize(2)
        .allMatch(
            l -> l.matches(".*passed +request_volume_steady +rows +Size +924\\.000000 +pass"));
    // One header, naming each column once, lined up with the rows.
    java.util.List<String> header =
        history.out().lines().filter(l -> l.strip().startsWith("run time")).toList();
    assertThat(header).hasSize(1);
    assertThat(header.get(0).split("\\s{2,}"))
        .contains("rule", "on", "metric", "value", "result")
        .doesNotHaveDuplicates();
    int metricAt = header.get(0).indexOf("metric");
    assertThat(history.out().lines().filter(l -> l.contains("request_volume_steady")))
        .allMatch(l -> l.indexOf("Size") == metricAt);

    CliRun located =
        CliRun.of(
            "quality", "history", "--dataset", "nyc311", "--conf", conf, "--warehouse", warehouse);
    assertThat(located.out().lines().filter(l -> l.contains(" Completeness ")))
        .anyMatch(l -> l.matches(".* latitude +Completeness +.*"));
  }

  @Test
  void theIndicatorDefinitionAddsACheckOfTheSuppliedCompositeAgainstItsWeights() {
    Path home = Projects.copyConfig(dir.resolve("home"));
    String conf = home.resolve("conf/pipeline.yaml").toString();
    CliRun bundled =
        CliRun.of(
            "quality",
            "check",
            "--dataset",
            "province_service_scores",
            "--conf",
            conf,
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(bundled.exitCode()).as(bundled.err()).isEqualTo(ExitCodes.OK);
    // The fixture's 总体得分 is the weighted sum rounded to 2 decimals: all 32 within 0.01.
    assertThat(bundled.out())
        .containsPattern(
            "composite_matches_weights +expression +error +fail .*Compliance +1 +pass");

    // 浙江 published as 93.00 where 0.1·93.31 + 0.2·88.79 + 0.2·96.43 + 0.5·92.17 = 92.46.
    Path scores = Projects.data("province-service-capability/province_service_capability_2015.csv");
    Path altered =
        Projects.write(
            dir.resolve("scores/altered.csv"),
            Projects.read(scores)
                .replace(
                    "2015,浙江省,93.31,88.79,96.43,92.17,92.46",
                    "2015,浙江省,93.31,88.79,96.43,92.17,93.00"));
    Path definition = home.resolve("conf/datasets/province_service_scores.yaml");
    Projects.write(
        definition, Projects.read(definition).replaceAll("location: .*", "location: " + altered));
    CliRun run =
        CliRun.of(
            "quality",
            "check",
            "--dataset",
            "province_service_scores",
            "--conf",
            conf,
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    // 31 of 32 rows comply.
    assertThat(run.out())
        .containsPattern(
            "composite_matches_weights +expression +error +fail .*Compliance +0\\.968750 +FAIL");
  }

  /** bin/egov quality check of the NYC 311 sample against a draft rule file, on a project copy. */
  private CliRun checkNyc311(Path rules) {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    return CliRun.of(
        "quality",
        "check",
        "--dataset",
        "nyc311",
        "--rules",
        rules.toString(),
        "--conf",
        home.resolve("conf/pipeline.yaml").toString(),
        "--warehouse",
        dir.resolve("wh").toString());
  }
}
