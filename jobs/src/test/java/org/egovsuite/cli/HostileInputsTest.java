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
import org.egovsuite.ingest.IngestColumns;
import org.egovsuite.publish.Warehouse;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad cells in files the project has never seen, as a hostile-but-fair tester makes them: the
 * whole default pipeline runs on them, and nothing is lost or published wrongly. Each bad cell is
 * quarantined with its line and a reason a steward can act on; every other row is published.
 */
@ExtendWith(SparkTest.class)
class HostileInputsTest {
  private final SparkSession spark;
  @TempDir Path dir;

  HostileInputsTest(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * The bundled UN survey files, 2022 edited in three lines: a stray quote before Denmark (univocity
   * alone read Denmark's and Australia's lines as one country named {@code Denmark ,1,0.97…2022,"Australia }
   * and ranked it first), an HCI of 1e999 for Austria (read as +Infinity and published), and
   * Ireland's name with its quotes kept ({@code """Ireland """}, the value {@code "Ireland "}).
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
    Projects.write(definition, Projects.read(definition).replaceAll("location: .*", "location: " + files + "/EGOV_DATA_*.csv"));
    Path warehouse = dir.resolve("wh");
    CliRun run = CliRun.in(home, warehouse, "run");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // 2,134 lines in the 11 files (wc -l) = 11 headers + 2,123 records, three of them quarantined.
    assertThat(run.out()).contains("un_egdi      2,123 rows read = 2,120 accepted + 3 quarantined; "
        + "2,134 lines = 2,123 in records + 11 header, blank or footer");
    Warehouse wh = new Warehouse(warehouse.toString(), spark.sparkContext().hadoopConfiguration());
    Map<Long, String> reasons = new TreeMap<>();
    for (Row r : spark.read().parquet(wh.quarantine("un_egdi")).collectAsList()) {
      assertThat(r.<String>getAs(IngestColumns.SOURCE_FILE)).endsWith("EGOV_DATA_2022.csv");
      reasons.put(r.getAs(IngestColumns.SOURCE_LINE), r.getAs(IngestColumns.QUARANTINE_REASON));
    }
    assertThat(reasons).containsOnlyKeys(3L, 81L, 120L);
    assertThat(reasons.get(3L)).isEqualTo("unresolved country_name: '\"Ireland \"' is not a known country name"
        + " (unresolved: quarantine in the definition)");
    assertThat(reasons.get(81L)).isEqualTo("column hci: '1e999' is beyond the range of a double (about ±1.8e308)");
    assertThat(reasons.get(120L)).startsWith("line 120 has a quote (\") that is not closed on the line: lines 120-");

    Dataset<Row> countries = spark.read().parquet(wh.versions("egdi_country").currentPath())
        .where(col("survey_year").equalTo(2022));
    // 193 member states in the 2022 file (lines 2-194), less the three quarantined.
    assertThat(countries.count()).isEqualTo(190);
    assertThat(countries.where(col("country_name").contains("\"").or(col("country_name").contains(","))).count())
        .as("no invented country").isZero();
    assertThat(countries.where(col("country_name").isin("Denmark", "Austria", "Ireland")).count()).isZero();
    Row australia = countries.where(col("country_name").equalTo("Australia")).first();
    assertThat(australia.<Double>getAs("egdi")).isEqualTo(0.9405);
    assertThat(countries.where("isnan(hci) OR hci > 1 OR egdi_recomputed > 1").count()).as("no infinity").isZero();
  }
}
