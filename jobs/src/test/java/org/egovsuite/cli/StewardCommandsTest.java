package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steward's subcommands on the NYC 311 sample (924 requests, 11 without coordinates). */
class StewardCommandsTest {
  @TempDir Path dir;

  @Test
  void checkIsADryRunThatShowsEveryRuleAndSampleFailingRows() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    Path rules = Projects.write(dir.resolve("try.yaml"), """
        dataset: nyc311
        rules:
          - {id: located, kind: completeness, columns: [latitude], severity: warning}
          - {id: closed_not_before_created, kind: expression, expression: closed_date IS NULL OR closed_date >= created_date}
        """);
    Path warehouse = dir.resolve("wh");

    CliRun run = CliRun.of("quality", "check", "--dataset", "nyc311", "--rules", rules.toString(), "--samples", "3",
        "--conf", home.resolve("conf/pipeline.yaml").toString(), "--warehouse", warehouse.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    // 913 of 924 requests have a latitude (hand count of blank "Latitude" cells in the CSV: 11)
    assertThat(run.out())
        .contains("dataset nyc311, 924 rows")
        .containsPattern("located +completeness +warning +warn +latitude +Completeness +0\\.988095 +FAIL")
        .containsPattern("closed_not_before_created +expression +error +fail +rows +Compliance +1 +pass")
        .contains("verdict WARNED")
        .contains("failing rows of located (first 3):")
        .contains("latitude=null");
    try (var entries = Files.list(warehouse)) {
      assertThat(entries.map(p -> p.getFileName().toString())).as("only the run's log folder").containsExactly("runs");
    }
  }

  @Test
  void checkExitsFourWhenTheTriedRulesFail() {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    Path rules = Projects.write(dir.resolve("try.yaml"), """
        dataset: nyc311
        rules:
          - {id: everything_located, kind: completeness, columns: [latitude]}
        """);
    CliRun run = CliRun.of("quality", "check", "--dataset", "nyc311", "--rules", rules.toString(),
        "--conf", home.resolve("conf/pipeline.yaml").toString(), "--warehouse", dir.resolve("wh").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    assertThat(run.err()).contains("dry run of nyc311: verdict FAILED (nothing was written)");
  }

  @Test
  void historyListsEveryRunsMetrics() {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "nyc311");
    String conf = home.resolve("conf/pipeline.yaml").toString();
    String warehouse = dir.resolve("wh").toString();
    assertThat(CliRun.of("ingest", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();

    CliRun history = CliRun.of("quality", "history", "--dataset", "nyc311", "--rule", "request_volume_steady",
        "--conf", conf, "--warehouse", warehouse);

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out()).contains("nyc311: 2 recorded metric(s)");
    assertThat(history.out().lines().filter(l -> l.contains("request_volume_steady")))
        .hasSize(2).allMatch(l -> l.matches(".*passed +request_volume_steady +Size +924\\.000000 +pass"));
  }
}
