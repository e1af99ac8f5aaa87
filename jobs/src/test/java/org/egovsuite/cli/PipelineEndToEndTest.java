package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.JsonFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/egov run}'s commands in process, into a fresh warehouse, on the bundled UN EGDI data
 * (the whole default pipeline runs once per build in {@link BundledRun}, whose tables the indicator
 * tests read; here the stages and the summary are the subject).
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class PipelineEndToEndTest {
  private final SparkSession spark;
  @TempDir Path dir;

  PipelineEndToEndTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void runPublishesTheEgdiTablesWithAManifest() throws Exception {
    Path warehouse = dir.resolve("wh");
    CliRun run = CliRun.of("run", "--conf", egdiOnly(), "--warehouse", warehouse.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains(
            "ingest     done   un_egdi: 2,123 rows read from 11 file(s), 2,123 accepted, 0 quarantined")
        .contains(
            "quality    done   un_egdi: 10 rules, 2 failed, 0 rows quarantined, verdict WARNED")
        .contains("table    egdi_country 2,123 rows")
        .contains("table    egdi_summary 44 rows")
        .contains("finished in");

    List<Row> groups2018 =
        spark
            .read()
            .parquet(BundledRun.current(warehouse, "egdi_summary"))
            .where("survey_year = 2018")
            .orderBy("egdi_group_order")
            .collectAsList();
    assertThat(groups2018)
        .extracting(r -> r.<Long>getAs("group_count"))
        .containsExactly(40L, 71L, 66L, 16L);
    // 40 of 193 = 20.7254%
    assertThat(groups2018.get(0).<Double>getAs("group_share_pct")).isBetween(20.72538, 20.72539);

    Path manifestFile;
    try (var runs = Files.list(warehouse.resolve("runs"))) {
      manifestFile = runs.findFirst().orElseThrow().resolve("manifest.json");
    }
    JsonNode manifest = JsonFiles.MAPPER.readTree(manifestFile.toFile());
    assertThat(manifest.at("/ingest/datasets/0/files")).hasSize(11);
    assertThat(manifest.at("/ingest/datasets/0/files/0/sha256").asText()).hasSize(64);
    assertThat(manifest.at("/quality/datasets/0/verdict").asText()).isEqualTo("WARNED");
    // The two warnings, counted independently in the CSV files: HCI above 1 for Micronesia and
    // Tuvalu in 2003 (2,121 of 2,123 in range); EGDI off mean(OSI, TII, HCI) by more than 1e-4
    // in 420 rows (1,703 of 2,123 within).
    java.util.Map<String, Double> failed = new java.util.TreeMap<>();
    manifest
        .at("/quality/datasets/0/results")
        .forEach(
            r -> {
              if (!r.get("passed").asBoolean()) {
                failed.put(
                    r.get("ruleId").asText() + "/" + r.get("severity").asText(),
                    r.get("value").asDouble());
              }
            });
    assertThat(failed)
        .containsOnlyKeys(
            "hci_within_unit_interval/WARNING", "egdi_is_mean_of_components_all_years/WARNING");
    assertThat(failed.get("hci_within_unit_interval/WARNING")).isEqualTo(2121.0 / 2123);
    assertThat(failed.get("egdi_is_mean_of_components_all_years/WARNING")).isEqualTo(1703.0 / 2123);
    assertThat(manifest.at("/tables/0/name").asText()).isEqualTo("egdi_country");
    assertThat(manifest.at("/tables/0/rows").asLong()).isEqualTo(2123);
    assertThat(manifestFile.resolveSibling("egov.log"))
        .as("Spark's log goes to the run folder")
        .exists();
  }

  @Test
  void eachStageRunsAloneOnTheWarehouseTheLastOneLeft() {
    String warehouse = dir.resolve("wh2").toString();
    String conf = egdiOnly();
    assertThat(CliRun.of("indicators", "--conf", conf, "--warehouse", warehouse).exitCode())
        .as("nothing ingested yet")
        .isEqualTo(ExitCodes.MISSING_STAGE_OUTPUT);
    for (String stage : List.of("ingest", "quality", "indicators", "publish")) {
      CliRun run = CliRun.of(stage, "--conf", conf, "--warehouse", warehouse, "--quiet");
      assertThat(run.exitCode()).as(stage + ": " + run.err()).isEqualTo(ExitCodes.OK);
      // --quiet: the answer (the summary), none of the progress lines
      assertThat(run.out())
          .as("--quiet")
          .startsWith("summary\n")
          .doesNotContain(" start ", " done ", "egov " + stage);
    }
    assertThat(org.egovsuite.testing.Published.onMain(dir.resolve("wh2")))
        .contains("egdi_country", "egdi_summary");
    CliRun again = CliRun.of("publish", "--conf", conf, "--warehouse", warehouse);
    assertThat(again.exitCode()).isEqualTo(ExitCodes.MISSING_STAGE_OUTPUT);
    assertThat(again.err()).contains("already published?");
  }

  @Test
  void jsonSummaryIsMachineReadable() throws Exception {
    CliRun run =
        CliRun.of(
            "ingest", "--conf", egdiOnly(), "--warehouse", dir.resolve("wh3").toString(), "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode summary = JsonFiles.MAPPER.readTree(run.out());
    assertThat(summary.get("command").asText()).isEqualTo("ingest");
    assertThat(summary.get("exitCode").asInt()).isZero();
    assertThat(summary.at("/datasets/0/rowsRead").asLong()).isEqualTo(2123);
    assertThat(
            summary.at("/datasets/0/rowsAccepted").asLong()
                + summary.at("/datasets/0/rowsQuarantined").asLong())
        .isEqualTo(2123);

    // A warehouse last checked by a build before 2026-12-03 holds every checked row a second time
    // under quality/checked (3 GB at 100M tickets), which nothing reads any more: the quality
    // stage removes it.
    Path retired = dir.resolve("wh3/quality/checked/un_egdi/part-0.parquet");
    Files.createDirectories(retired.getParent());
    Files.writeString(retired, "rows of an older build");

    // quality --json: the failed rules by id (un_egdi.yaml: two UN rows with hci > 1, and the EGDI
    // mean rule that holds only from 2012), the row accounting and the report's path
    CliRun quality =
        CliRun.of(
            "quality",
            "--conf",
            egdiOnly(),
            "--warehouse",
            dir.resolve("wh3").toString(),
            "--json");
    assertThat(quality.exitCode()).as(quality.err()).isZero();
    JsonNode checked = JsonFiles.MAPPER.readTree(quality.out());
    assertThat(checked.at("/quality/0/dataset").asText()).isEqualTo("un_egdi");
    assertThat(checked.at("/quality/0/failedRuleIds").toString())
        .isEqualTo("[\"hci_within_unit_interval\",\"egdi_is_mean_of_components_all_years\"]");
    assertThat(checked.at("/quality/0/rowsChecked").asLong()).isEqualTo(2123);
    assertThat(
            checked.at("/quality/0/rowsPassed").asLong()
                + checked.at("/quality/0/rowsQuarantined").asLong())
        .isEqualTo(2123);
    assertThat(Path.of(checked.get("qualityReport").asText())).exists();
    assertThat(dir.resolve("wh3/quality/checked")).doesNotExist();
  }

  /** The default pipeline with the UN EGDI dataset only (and so only its tables). */
  private String egdiOnly() {
    Path home = dir.resolve("home");
    if (!Files.exists(home.resolve("conf/pipeline.yaml"))) {
      org.egovsuite.testing.Projects.copyConfig(home, "un_egdi");
    }
    return home.resolve("conf/pipeline.yaml").toString();
  }
}
