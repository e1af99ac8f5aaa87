package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.TableCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing on Iceberg through the CLI, on the UN EGDI tables: format v2 tables in the warehouse's
 * SQLite catalog, lineage in each snapshot's summary (read without Spark), column docs, DuckDB and
 * Spark SQL reads, time travel, rollback, tags that survive expiry, and a table that fails its
 * audit staying off main.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
@ExtendWith(SparkTest.class)
class IcebergPublishTest {
  private static final List<String> TABLES =
      List.of("data_dictionary", "egdi_country", "egdi_summary");

  @TempDir Path dir;

  IcebergPublishTest(SparkSession spark) {
    // the shared session starts the JVM's SparkContext; reads below use sessions of their own
  }

  @Test
  void publishesIcebergTablesWithLineageTimeTravelRollbackAndTags() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    CliRun first = CliRun.in(home, wh, "run");
    assertThat(first.exitCode()).as(first.err()).isZero();
    String firstRun = runId(first);

    assertThat(Published.names(wh)).isEqualTo(TABLES);
    assertThat(wh.resolve(TableCatalog.SQLITE_FILE)).isRegularFile();
    Table country = Published.table(wh, "egdi_country");
    assertThat(((BaseTable) country).operations().current().formatVersion()).isEqualTo(2);
    assertThat(country.properties()).containsEntry(TableCatalog.OWNER, "egov");
    // The run's branch is gone once main points at its snapshot.
    assertThat(country.refs()).containsOnlyKeys("main");
    Snapshot s1 = country.currentSnapshot();
    assertThat(s1.summary())
        .containsEntry("egov.run-id", firstRun)
        .containsEntry("egov.lineage-format-version", "1")
        .containsEntry("total-records", "2123")
        .containsKey("egov.config-sha256");
    assertThat(s1.summary().get("egov.inputs"))
        .contains("\"dataset\":\"un_egdi\"", "\"verdict\":\"WARNED\"", "\"rowsChecked\":2123");

    // Lineage without Spark: the snapshot's summary and, from the manifest it names, the input
    // files.
    CliRun lineage = CliRun.in(home, wh, "lineage", "egdi_country");
    assertThat(lineage.exitCode()).as(lineage.err()).isZero();
    Path csv = Projects.home().resolve("data/un-egdi/EGOV_DATA_2003.csv");
    assertThat(lineage.out())
        .contains(
            "egdi_country snapshot " + s1.snapshotId() + " (main)",
            "by run " + firstRun,
            "input         un_egdi: quality WARNED, 2,123 rows checked",
            "sha256 " + sha256(csv));
    CliRun json = CliRun.in(home, wh, "lineage", "egdi_country", "--json");
    assertThat(JsonFiles.MAPPER.readTree(json.out()).at("/steward/snapshot/runId").asText())
        .isEqualTo(firstRun);

    // Column meanings from the data dictionary are Iceberg column docs, shown by Spark's DESCRIBE.
    SparkSession session = Published.session(wh);
    String meaning =
        session
            .sql(
                "SELECT meaning_en FROM egov.data_dictionary WHERE table_name = 'egdi_country' "
                    + "AND column_name = 'survey_year'")
            .first()
            .getString(0);
    assertThat(country.schema().findField("survey_year").doc()).startsWith(meaning);
    Row described =
        session.sql("DESCRIBE TABLE egov.egdi_country").where("col_name = 'survey_year'").first();
    assertThat(described.<String>getAs("comment")).startsWith(meaning);

    // bin/egov sql on DuckDB: Spark's layout, --json rows as objects.
    CliRun sql = CliRun.in(home, wh, "sql", "SELECT count(*) AS n FROM egov.egdi_country");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out()).contains("|n   |", "|2123|");
    CliRun sqlJson =
        CliRun.in(
            home,
            wh,
            "sql",
            "SELECT survey_year, count(*) AS n FROM egov.egdi_summary "
                + "GROUP BY survey_year ORDER BY survey_year",
            "--json");
    JsonNode rows = JsonFiles.MAPPER.readTree(sqlJson.out()).at("/steward/rows");
    // 11 surveys (2003 … 2022), four EGDI groups each.
    assertThat(rows).hasSize(11);
    assertThat(rows.get(0).get("survey_year").asInt()).isEqualTo(2003);
    assertThat(rows.get(0).get("n").asLong()).isEqualTo(4);

    // A second publish of the same inputs with a rule file edited (a comment): a new snapshot with
    // the same rows, another configuration hash.
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    Files.writeString(rules, Files.readString(rules) + "# reviewed\n");
    assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
    assertThat(CliRun.in(home, wh, "publish").exitCode()).isZero();
    Snapshot s2 = Published.table(wh, "egdi_country").currentSnapshot();
    assertThat(s2.snapshotId()).isNotEqualTo(s1.snapshotId());
    assertThat(s2.summary().get("egov.config-sha256"))
        .isNotEqualTo(s1.summary().get("egov.config-sha256"));
    Table republished = Published.table(wh, "egdi_country");
    assertThat(rows(republished, s2.snapshotId()))
        .containsExactlyInAnyOrderElementsOf(rows(republished, s1.snapshotId()))
        .hasSize(2123);
    CliRun again = CliRun.in(home, wh, "publish");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.MISSING_STAGE_OUTPUT);
    assertThat(again.err()).contains("(already published?)");

    // Time travel with Spark SQL: the first snapshot, by id.
    CliRun travel =
        CliRun.in(
            home,
            wh,
            "sql",
            "--engine",
            "spark",
            "SELECT count(*) AS n FROM egov.egdi_country VERSION AS OF " + s1.snapshotId());
    assertThat(travel.exitCode()).as(travel.err()).isZero();
    assertThat(travel.out()).contains("|2123|");

    // Rollback of one table to the snapshot before main's.
    CliRun rollback = CliRun.in(home, wh, "publish", "--rollback", "egdi_country");
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(rollback.out())
        .contains("egdi_country: main " + s2.snapshotId() + " → " + s1.snapshotId());
    assertThat(Published.table(wh, "egdi_country").currentSnapshot().snapshotId())
        .isEqualTo(s1.snapshotId());
    assertThat(CliRun.in(home, wh, "lineage", "egdi_country").out()).contains("by run " + firstRun);
    CliRun unknown = CliRun.in(home, wh, "publish", "--rollback", "egdi_country", "--to", "12345");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.MISSING_STAGE_OUTPUT);
    assertThat(unknown.err()).contains("table 'egdi_country' has no snapshot 12345");

    // A release tag on every table survives the expiry of later publishes (3 snapshots kept).
    CliRun tag = CliRun.in(home, wh, "publish", "--tag", "report-2016");
    assertThat(tag.exitCode()).as(tag.err()).isZero();
    assertThat(tag.out()).contains("3 table(s) tagged report-2016");
    long tagged = Published.table(wh, "egdi_summary").currentSnapshot().snapshotId();
    for (int i = 0; i < 3; i++) {
      assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
      assertThat(CliRun.in(home, wh, "publish").exitCode()).isZero();
    }
    Table summary = Published.table(wh, "egdi_summary");
    assertThat(summary.refs().get("report-2016").snapshotId()).isEqualTo(tagged);
    assertThat(summary.snapshot(tagged)).isNotNull();
    // Kept: main's last 3 snapshots and the tagged one (their ancestor); the 3 before it expired.
    List<Long> ancestors = org.egovsuite.publish.TableHistory.ancestors(summary);
    assertThat(ancestors).hasSize(4).endsWith(tagged);
    assertThat(summary.snapshots()).hasSize(4);
    CliRun release =
        CliRun.in(
            home,
            wh,
            "sql",
            "--engine",
            "spark",
            "SELECT count(*) AS n FROM egov.egdi_summary VERSION AS OF 'report-2016'");
    assertThat(release.out()).contains("|44 |");
  }

  @Test
  void aTableThatFailsItsAuditKeepsEveryMainWhereItWasAndItsBranchForInspection() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    assertThat(CliRun.in(home, wh, "run").exitCode()).isZero();
    Map<String, Long> before =
        Map.of(
            "egdi_country",
            main(wh, "egdi_country"),
            "egdi_summary",
            main(wh, "egdi_summary"),
            "data_dictionary",
            main(wh, "data_dictionary"));
    // A table-level rule file: the summary must hold a group row for 200 surveys (it has 11 × 4 =
    // 44 rows).
    Projects.write(
        home.resolve("quality-rules/tables/egdi_summary.yaml"),
        """
        dataset: egdi_summary
        rules:
          - id: two_hundred_surveys
            kind: row_count
            min: 800
            severity: error
        """);
    CliRun indicators = CliRun.in(home, wh, "indicators");
    assertThat(indicators.exitCode()).as(indicators.err()).isZero();

    CliRun publish = CliRun.in(home, wh, "publish");
    assertThat(publish.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    assertThat(publish.err())
        .contains(
            "not published: table egdi_summary",
            "two_hundred_surveys",
            "quality-rules/tables/egdi_summary.yaml");
    for (Map.Entry<String, Long> table : before.entrySet()) {
      assertThat(main(wh, table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
    }
    String branch =
        Published.table(wh, "egdi_summary").refs().keySet().stream()
            .filter(r -> r.startsWith("run_"))
            .findFirst()
            .orElseThrow();
    assertThat(publish.err()).contains("branch " + branch + " kept for inspection");
    CliRun inspect =
        CliRun.in(
            home,
            wh,
            "sql",
            "--engine",
            "spark",
            "SELECT count(*) AS n FROM egov.egdi_summary.branch_" + branch);
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("|44 |");
  }

  private static long main(Path wh, String table) {
    return Published.table(wh, table).currentSnapshot().snapshotId();
  }

  /** A snapshot's rows as text, read with Iceberg's own reader. */
  private static List<String> rows(Table table, long snapshot) {
    List<String> out = new java.util.ArrayList<>();
    org.egovsuite.warehouse.SnapshotRows.read(
        table, snapshot, row -> out.add(java.util.Arrays.deepToString(row)));
    return out;
  }

  private static String runId(CliRun run) {
    Matcher m = Pattern.compile(" run (\\S+) ").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m.group(1);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
