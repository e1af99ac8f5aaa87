package org.egovsuite.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad cells in files the project has never seen, as a hostile-but-fair tester makes them: the whole
 * default pipeline runs on them, and nothing is lost or published wrongly. Each bad cell is
 * quarantined with its line and a reason a steward can act on; every other row is published.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class HostileInputsTest {
  private final SparkSession spark;
  @TempDir Path dir;

  HostileInputsTest(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * The bundled UN survey files, 2022 edited in three lines: a stray quote before Denmark
   * (univocity alone read Denmark's and Australia's lines as one country named {@code Denmark
   * ,1,0.97…2022,"Australia } and ranked it first), an HCI of 1e999 for Austria (read as +Infinity
   * and published), and Ireland's name with its quotes kept ({@code """Ireland """}, the value
   * {@code "Ireland "}).
   */
  @Test
  void badUnSurveyCellsAreQuarantinedWithTheirLinesNotPublished() throws IOException {
    Path files = dir.resolve("un-egdi");
    Files.createDirectories(files);
    try (var bundled = Files.newDirectoryStream(Projects.data("un-egdi"), "EGOV_DATA_*.csv")) {
      for (Path f : bundled) {
        Files.copy(f, files.resolve(f.getFileName()));
      }
    }
    Path y2022 = files.resolve("EGOV_DATA_2022.csv");
    List<String> lines = Files.readAllLines(y2022);
    assertThat(lines.get(119)).startsWith("2022,\"Denmark \",1,");
    assertThat(lines.get(80)).isEqualTo("2022,Austria,20,0.88010,0.77270,0.88270,0.90700,0.85050");
    assertThat(lines.get(2)).startsWith("2022,\"Ireland \",30,");
    lines.set(119, lines.get(119).replace("\"Denmark \"", "\"Denmark "));
    lines.set(80, "2022,Austria,20,0.88010,0.77270,0.88270,1e999,0.85050");
    lines.set(2, lines.get(2).replace("\"Ireland \"", "\"\"\"Ireland \"\"\""));
    Files.write(y2022, lines);

    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll("location: .*", "location: " + files + "/EGOV_DATA_*.csv"));
    Path warehouse = dir.resolve("wh");
    CliRun run = CliRun.in(home, warehouse, "run");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // 2,134 lines in the 11 files (wc -l) = 11 headers + 2,123 records, three of them quarantined.
    assertThat(run.out())
        .contains(
            "un_egdi      2,123 rows read = 2,120 accepted + 3 quarantined; "
                + "2,134 lines = 2,123 in records + 11 header, blank or footer");
    Warehouse wh = new Warehouse(warehouse.toString(), spark.sparkContext().hadoopConfiguration());
    Map<Long, String> reasons = new TreeMap<>();
    for (Row r : spark.read().parquet(wh.quarantine("un_egdi")).collectAsList()) {
      assertThat(r.<String>getAs(RowColumns.SOURCE_FILE)).endsWith("EGOV_DATA_2022.csv");
      reasons.put(r.getAs(RowColumns.SOURCE_LINE), r.getAs(RowColumns.QUARANTINE_REASON));
    }
    assertThat(reasons).containsOnlyKeys(3L, 81L, 120L);
    assertThat(reasons.get(3L))
        .isEqualTo(
            "unresolved country_name: '\"Ireland \"' is not a known country name"
                + " (unresolved: quarantine in the definition)");
    assertThat(reasons.get(81L))
        .isEqualTo("column hci: '1e999' is beyond the range of a double (about ±1.8e308)");
    assertThat(reasons.get(120L))
        .startsWith("line 120 has a quote (\") that is not closed on the line: lines 120-");

    Dataset<Row> countries =
        spark
            .read()
            .parquet(BundledRun.current(warehouse, "egdi_country"))
            .where(col("survey_year").equalTo(2022));
    // 193 member states in the 2022 file (lines 2-194), less the three quarantined.
    assertThat(countries.count()).isEqualTo(190);
    assertThat(
            countries
                .where(col("country_name").contains("\"").or(col("country_name").contains(",")))
                .count())
        .as("no invented country")
        .isZero();
    assertThat(countries.where(col("country_name").isin("Denmark", "Austria", "Ireland")).count())
        .isZero();
    Row australia = countries.where(col("country_name").equalTo("Australia")).first();
    assertThat(australia.<Double>getAs("egdi")).isEqualTo(0.9405);
    assertThat(countries.where("isnan(hci) OR hci > 1 OR egdi_recomputed > 1").count())
        .as("no infinity")
        .isZero();
  }

  /**
   * Analysts' SQL only reads: before, INSERT OVERWRITE TABLE through bin/egov sql emptied a
   * published version and INSERT OVERWRITE DIRECTORY deleted files anywhere. Each write is refused
   * with exit 3 and one line, before Spark starts, and the table and the directory are untouched.
   */
  @Test
  void sqlThatWritesOrReadsFilesIsRefusedAndChangesNothing() throws IOException {
    Path warehouse = BundledRun.warehouse();
    Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
    CliRun before =
        CliRun.of(
            "sql",
            "SELECT count(*) AS n FROM egov.egdi_summary",
            "--warehouse",
            warehouse.toString());
    assertThat(before.exitCode()).as(before.err()).isZero();
    String count =
        before.out().lines().filter(l -> l.matches("\\|\\s*\\d+\\s*\\|")).findFirst().orElseThrow();

    for (String write :
        List.of(
            "INSERT OVERWRITE TABLE egov.egdi_summary SELECT * FROM egov.egdi_summary LIMIT 0",
            "INSERT OVERWRITE DIRECTORY '" + dir + "' SELECT 1",
            "SELECT * FROM text.`/etc/passwd`",
            "SELECT reflect('java.lang.System', 'getenv', 'HOME')")) {
      CliRun run = CliRun.of("sql", write, "--warehouse", warehouse.toString());
      assertThat(run.exitCode()).as(write).isEqualTo(ExitCodes.BAD_CONFIG);
      assertThat(run.err().strip())
          .as(write)
          .startsWith("egov: error: query refused: ")
          .doesNotContain("\n")
          .doesNotContain("Exception");
    }
    assertThat(Files.readString(precious)).isEqualTo("keep me");
    CliRun after =
        CliRun.of(
            "sql",
            "SELECT count(*) AS n FROM egov.egdi_summary",
            "--warehouse",
            warehouse.toString());
    assertThat(after.out()).contains(count);
  }

  /**
   * A project copy reading only the UN survey, whose files {@code edit} may change; its rule file
   * path.
   */
  private Path unCopy() {
    return Projects.copyConfig(dir.resolve("home"), "un_egdi");
  }

  private CliRun run(Path home, String... args) {
    return CliRun.in(home, dir.resolve("wh"), args);
  }

  /**
   * One 2 MB cell (a country name): ingest took 1,030 s for 6 rows and printed a
   * 2,000,165-character console line. The name is quarantined, the closest-name work is bounded, no
   * line is long.
   */
  @Test
  void aHugeCellIsQuarantinedWithShortMessages() throws IOException {
    Path files = Files.createDirectories(dir.resolve("un-egdi"));
    String huge = "X".repeat(2_000_000);
    Files.writeString(
        files.resolve("EGOV_DATA_2022.csv"),
        String.join(
            "\n",
            "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,"
                + "Human Capital Index,Telecommunication Infrastructure Index",
            "2022,Denmark,1,0.97170,0.88640,0.97970,0.95590,0.97950",
            "2022,\"" + huge + "\",2,0.97,0.88,0.97,0.95,0.97",
            "2022,Finland,2,0.95330,0.86360,0.98330,0.95730,0.91930",
            ""));
    Path home = unCopy();
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll("location: .*", "location: " + files + "/EGOV_DATA_*.csv"));
    CliRun run = run(home, "ingest");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("un_egdi      3 rows read = 2 accepted + 1 quarantined");
    assertThat(run.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(500));
    Row quarantined =
        spark
            .read()
            .parquet(
                new Warehouse(
                        dir.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration())
                    .quarantine("un_egdi"))
            .first();
    assertThat(quarantined.<String>getAs(RowColumns.QUARANTINE_REASON))
        .startsWith("unresolved country_name: 'XXXX")
        .endsWith("…' is not a known country name (unresolved: quarantine in the definition)")
        .hasSizeLessThan(400);
  }

  /**
   * The metrics history is a drift baseline, so a run the quality stage rejects must not enter it.
   * Here the stage fails after Deequ's verification (a file where its quarantined rows go); the
   * history then holds no row of that run, and a later run that passes is appended.
   */
  @Test
  void aRejectedQualityRunNeverEntersTheMetricsHistory() throws IOException {
    Path home = unCopy();
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    // A quarantine rule, so the stage writes the rows it sets aside after the verification.
    String range =
        "    columns: [egdi, epi, osi, tii]\n    min: 0\n    max: 1\n    severity: error\n";
    assertThat(Projects.read(rules)).contains(range);
    Projects.write(
        rules,
        Projects.read(rules)
            .replace(range, range.replace("error", "warning") + "    action: quarantine\n"));
    Path wh = dir.resolve("wh");
    assertThat(run(home, "ingest").exitCode()).isZero();
    Files.createDirectories(wh.resolve("quality"));
    Files.writeString(wh.resolve("quality/quarantine"), "in the way");
    CliRun rejected = run(home, "quality");
    assertThat(rejected.exitCode()).as(rejected.out()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    // The log the message points to exists.
    String log =
        rejected
            .err()
            .substring(rejected.err().indexOf("Spark's log: ") + "Spark's log: ".length())
            .strip();
    assertThat(Path.of(log)).exists();
    Path history = wh.resolve("quality/history");
    assertThat(Files.exists(history) ? spark.read().parquet(history.toString()).count() : 0L)
        .isZero();

    Files.delete(wh.resolve("quality/quarantine"));
    CliRun passed = run(home, "quality");
    assertThat(passed.exitCode()).as(passed.err()).isZero();
    String runId = passed.out().lines().findFirst().orElseThrow().split("\\s+")[3];
    assertThat(spark.read().parquet(history.toString()).select("run_id").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly(runId);
  }

  /**
   * A column whose definition says unresolved: fail stops the dataset naming the value and where it
   * stands.
   */
  @Test
  void anUnresolvedNameFailsTheDatasetWhereTheDefinitionSaysSo() throws IOException {
    Path files = Files.createDirectories(dir.resolve("un-egdi"));
    Files.writeString(
        files.resolve("EGOV_DATA_2022.csv"),
        String.join(
            "\n",
            "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,"
                + "Human Capital Index,Telecommunication Infrastructure Index",
            "2022,Denmark,1,0.97170,0.88640,0.97970,0.95590,0.97950",
            "2022,Atlantis,2,0.97,0.88,0.97,0.95,0.97",
            ""));
    Path home = unCopy();
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll("location: .*", "location: " + files + "/EGOV_DATA_*.csv")
            .replace("  country_name: quarantine", "  country_name: fail"));
    CliRun run = run(home, "ingest");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().strip())
        .startsWith(
            "egov: error: file:"
                + files.resolve("EGOV_DATA_2022.csv")
                + ":3: "
                + "country_name 'Atlantis' is not a known name (closest: ")
        .endsWith(definition + " says unresolved: fail for country_name");
  }
}
