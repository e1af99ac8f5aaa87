package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad configuration end with one clear line and a documented exit code. */
@Tag("end-to-end") // runs pipeline commands on copies of the project
class CliErrorsTest {
  @TempDir Path dir;

  private static void assertOneLine(CliRun run) {
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip())
        .isEqualTo("egov: Unmatched argument at index 0: 'frobnicate' (see 'bin/egov --help')");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("run", "--warehuose", "x");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(run);
    assertThat(run.err()).contains("Unknown options: '--warehuose', 'x'");
  }

  /** Help answers even when the command's required arguments are missing. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "run",
        "ingest",
        "quality",
        "quality check",
        "quality suggest",
        "quality history",
        "indicators",
        "publish",
        "sql",
        "lineage",
        "profile",
        "brief",
        "generate"
      })
  void everyCommandsHelpExitsZero(String command) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
    args.add("--help");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: egov " + command);
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("run", "ingest", "quality", "indicators", "publish", "Exit codes:");
    // one whole sentence per command, not a description cut at its first line break
    java.util.List<String> commands =
        run.out()
            .lines()
            .dropWhile(l -> !l.equals("Commands:"))
            .skip(1)
            .takeWhile(l -> !l.isBlank())
            .toList();
    assertThat(commands)
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(l -> assertThat(l).matches("  [a-z]+ +[A-Z].*[.)]"));
    assertThat(CliRun.of("run", "--help").out())
        .contains("--warehouse=URI", "--master=URL", "--json", "--quiet");
  }

  @Test
  void anUnreachableMasterStopsBeforeSparkStartsNamingTheAddress() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    Path home = Projects.copyConfig(dir, "un_egdi");
    long start = System.nanoTime();
    CliRun run =
        CliRun.of(
            "ingest",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--master",
            "spark://127.0.0.1:" + port);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(run);
    assertThat(run.err())
        .contains(
            "--master spark://127.0.0.1:"
                + port
                + ": no Spark master answers at 127.0.0.1:"
                + port);
    // refused at once here; an address that drops packets takes the stated 5 s
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(30));
    assertThat(run.out())
        .contains("spark-submit equivalent: spark-submit --master spark://127.0.0.1:" + port);
  }

  @Test
  void missingInputPathNamesTheLocation() {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll("location: .*", "location: " + dir + "/nowhere/*.csv"));
    CliRun run =
        CliRun.of(
            "ingest",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertOneLine(run);
    assertThat(run.err().strip())
        .isEqualTo(
            "egov: error: dataset 'un_egdi': no input file matches '"
                + dir
                + "/nowhere/*.csv' (key 'location' in "
                + definition
                + ")");
  }

  /**
   * A pipeline file outside a conf/ folder takes the launcher's home (before, conf/sub/x.yaml made
   * the suite look for conf/conf/profiles); --home names another. Both load the config and its
   * profile, and stop at the warehouse here (a file in the way), before Spark starts.
   */
  @Test
  void aPipelineFileAnywhereFindsTheProjectHome() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    Path elsewhere =
        Projects.write(
            dir.resolve("home/conf/sub/x.yaml"), Projects.read(home.resolve("conf/pipeline.yaml")));
    Path inTheWay = java.nio.file.Files.writeString(dir.resolve("wh"), "a file");
    CliRun launcherHome =
        CliRun.of("run", "--conf", elsewhere.toString(), "--warehouse", inTheWay.toString());
    assertThat(launcherHome.err())
        .startsWith("egov: error: warehouse " + inTheWay + " cannot be written");
    Projects.write(
        home.resolve("conf/profiles/only-here.yaml"),
        "allowed_locations: [" + Projects.data("") + "]\n");
    CliRun named =
        CliRun.of(
            "run",
            "--home",
            home.toString(),
            "--conf",
            elsewhere.toString(),
            "--profile",
            "only-here",
            "--warehouse",
            inTheWay.toString());
    assertThat(named.err()).startsWith("egov: error: warehouse " + inTheWay + " cannot be written");
    CliRun unnamed =
        CliRun.of(
            "run",
            "--conf",
            elsewhere.toString(),
            "--profile",
            "only-here",
            "--warehouse",
            inTheWay.toString());
    assertThat(unnamed.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(unnamed.err())
        .contains(
            "no profile 'only-here' (" + Projects.home().resolve("conf/profiles/only-here.yaml"));
  }

  /**
   * A pipeline without the UN survey loads (indicators.egdi is optional); an indicator or the UN
   * tables on a dataset without the columns they read are refused before Spark starts, naming the
   * columns (exit 1 with UNRESOLVED_COLUMN in a Spark job, before).
   */
  @Test
  void indicatorsOnDatasetsWithoutTheirColumnsAreRefusedNamingThem() {
    Path home = Projects.copyConfig(dir.resolve("home"));
    Path pipeline = home.resolve("conf/pipeline.yaml");
    String plain = Projects.read(pipeline);
    String withoutUn =
        plain
            .replaceFirst("(?s)  egdi:\\n.*?      - \\{name: Low, min: 0.0\\}\\n", "")
            .replace("  - un_egdi\n", "");
    Projects.write(pipeline, withoutUn);
    org.egovsuite.config.PipelineConfig config =
        org.egovsuite.config.PipelineConfigLoader.load(pipeline, home);
    assertThat(config.egdi()).isNull();
    assertThat(config.dataset("un_egdi")).isEmpty();
    // And runs: one dataset, no UN tables, no other indicator.
    Path small = Projects.copyConfig(dir.resolve("small"), "province_service_scores");
    Path smallPipeline = small.resolve("conf/pipeline.yaml");
    Projects.write(
        smallPipeline,
        Projects.read(smallPipeline)
            .replaceFirst("(?s)  egdi:\\n.*?      - \\{name: Low, min: 0.0\\}\\n", ""));
    CliRun run = CliRun.in(small, dir.resolve("small-wh"), "run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("egdi_country");

    Projects.write(pipeline, plain.replace("    dataset: un_egdi\n", "    dataset: census_city\n"));
    CliRun egdi = CliRun.in(home, dir.resolve("wh"), "run");
    assertThat(egdi.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(egdi.err())
        .contains(
            "dataset 'census_city' (",
            "lacks the columns the UN EGDI tables need: survey_year, "
                + "country_name, egdi_rank, egdi, epi, osi, hci, tii");

    Projects.write(pipeline, plain);
    Path capability = home.resolve("conf/indicators/province_capability.yaml");
    Projects.write(
        capability,
        Projects.read(capability).replace("{column: completeness,", "{column: completenes,"));
    CliRun composite = CliRun.in(home, dir.resolve("wh"), "run");
    assertThat(composite.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(composite);
    assertThat(composite.err())
        .contains(
            capability
                + ": indicator 'province_capability' reads columns [completenes] "
                + "that dataset 'province_service_scores' does not have; its columns: ");
  }

  @Test
  void malformedYamlNamesFileAndLineBeforeSparkStarts() {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path pipeline = Projects.write(home.resolve("conf/pipeline.yaml"), "datasets: [un_egdi\n");
    CliRun run =
        CliRun.of(
            "run", "--conf", pipeline.toString(), "--warehouse", dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(run);
    assertThat(run.err()).startsWith("egov: error: " + pipeline + ":2: malformed YAML:");
  }

  @Test
  void aRuleFilesSyntaxErrorIsNamedBeforeTheRestOfThePipelineLoads() {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    Projects.write(rules, Projects.read(rules) + "  - id: broken\n   kind: [\n");
    for (String command : List.of("run", "quality")) {
      CliRun run =
          CliRun.of(
              command,
              "--conf",
              home.resolve("conf/pipeline.yaml").toString(),
              "--warehouse",
              dir.resolve("wh").toString());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
      assertOneLine(run);
      assertThat(run.err()).startsWith("egov: error: " + rules + ":").contains("malformed YAML");
    }
  }

  @Test
  void ruleNamingAnUnknownColumnIsABadConfigWithItsLine() {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    Projects.write(
        rules,
        Projects.read(rules)
            .replace(
                "columns: [survey_year, country_name]\n    severity: error\n    owner",
                "columns: [survey_year, contry_name]\n    severity: error\n    owner"));
    CliRun run =
        CliRun.of(
            "run",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    int line =
        Projects.read(rules).lines().toList().indexOf("    columns: [survey_year, contry_name]")
            + 1;
    assertThat(line).as("the planted typo").isPositive();
    assertThat(run.err())
        .contains(rules + ":" + line + " key 'rules[0].columns': unknown column 'contry_name'");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(dir.resolve("wh/tables")).doesNotExist();
  }

  @Test
  void failingErrorRuleStopsBeforePublishNamingRuleAndMetric() {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    Projects.write(
        rules,
        Projects.read(rules)
            + """

          - id: every_country_very_high
            kind: range
            columns: [egdi]
            min: 0.75
            severity: error
        """);
    CliRun run =
        CliRun.of(
            "run",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    assertOneLine(run);
    // 302 of 2123 rows have EGDI >= 0.75 (counted in the CSV files)
    assertThat(run.err().strip())
        .isEqualTo(
            String.format(
                "egov: error: quality gate failed: 1 error rule(s): "
                    + "un_egdi.every_country_very_high Compliance = %.6f; all results in <warehouse>/quality/results",
                302.0 / 2123));
    assertThat(run.out())
        .contains("quality  un_egdi      FAILED")
        .contains("withheld egdi_country, egdi_summary: dataset 'un_egdi' failed its quality gate");
    assertThat(dir.resolve("wh/tables")).doesNotExist();
  }

  /**
   * A copy of the project ingesting un_egdi and nyc311 whose nyc311 rules fail: 11 of the 924
   * requests have no latitude, and this error rule wants all of them located.
   */
  static Path withUnlocatedRequestsFailing(Path dir) {
    Path home = Projects.copyConfig(dir, "un_egdi", "nyc311");
    Path rules = home.resolve("quality-rules/nyc311.yaml");
    Projects.write(
        rules,
        Projects.read(rules)
            + """

          - id: every_request_located
            kind: completeness
            columns: [latitude]
            severity: error
        """);
    return home;
  }

  @Test
  void aFailedDatasetWithholdsOnlyTheTablesBuiltFromIt() {
    Path home = withUnlocatedRequestsFailing(dir);
    CliRun run =
        CliRun.of(
            "run",
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    // 913 of 924 requests have a latitude (11 blank cells in the CSV)
    assertThat(run.err().strip())
        .isEqualTo(
            String.format(
                "egov: error: quality gate failed: 1 error rule(s): "
                    + "nyc311.every_request_located Completeness = %.6f; all results in <warehouse>/quality/results",
                913.0 / 924));
    assertThat(run.out()).contains("quality  nyc311       FAILED").doesNotContain("withheld");
    assertThat(Published.onMain(dir.resolve("wh"))).contains("egdi_country");
    assertThat(Published.onMain(dir.resolve("wh"))).contains("egdi_summary");
  }

  @Test
  void aFailedDatasetAlsoWithholdsTheIndicatorsThatReadItsIndicators() {
    Path home = Projects.copyConfig(dir);
    Path pipeline = home.resolve("conf/pipeline.yaml");
    Projects.write(
        pipeline,
        Projects.read(pipeline)
            .replaceFirst(
                "(?s)datasets:\\n(  (- \\w+|#[^\\n]*)\\n)+",
                "datasets: [un_egdi, nbs_province, province_service_scores, cn_provinces]\n")
            .replaceFirst(
                "(?s)\\n  definitions:\\n(    (- \\w+|#[^\\n]*)\\n)+",
                "\n  definitions: [province_economy, province_capability]\n"));
    Path rules = home.resolve("quality-rules/nbs_province.yaml");
    Projects.write(
        rules,
        Projects.read(rules)
            + """

          - id: forty_provinces
            kind: row_count
            min: 40000
            severity: error
        """);
    CliRun run =
        CliRun.of(
            "run", "--conf", pipeline.toString(), "--warehouse", dir.resolve("wh").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    assertThat(run.out())
        .contains(
            "withheld province_economy tables: dataset 'nbs_province' failed its quality gate")
        .contains(
            "withheld province_capability tables: it reads indicator province_economy, which was withheld");
    assertThat(Published.onMain(dir.resolve("wh"))).contains("egdi_country");
    assertThat(Published.onMain(dir.resolve("wh"))).doesNotContain("province_economy");
    assertThat(Published.onMain(dir.resolve("wh"))).doesNotContain("province_capability");
    assertThat(Published.onMain(dir.resolve("wh"))).doesNotContain("province_capability_summary");
  }
}
