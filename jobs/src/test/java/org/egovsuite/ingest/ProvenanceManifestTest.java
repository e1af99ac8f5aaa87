package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.testing.Definitions;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest stores a file index per row and the files' provenance once, in the folder's manifest; the
 * rows read back carry the same provenance columns, in the same places, as before.
 */
@ExtendWith(SparkTest.class)
class ProvenanceManifestTest {
  private final SparkSession spark;
  @TempDir Path dir;

  ProvenanceManifestTest(SparkSession spark) {
    this.spark = spark;
  }

  private static DatasetDefinition dataset(String location) {
    return Definitions.plain(
        "t",
        location,
        SourceFormat.csv("utf-8", 0),
        List.of(
            new ColumnSpec("Year", "year", ColumnType.INT),
            new ColumnSpec("Name", "name", ColumnType.STRING)),
        List.of("year", "name"));
  }

  /** Two files, so a row's index has to pick the right one of two paths and checksums. */
  private IngestResult ingestTwoFiles(String output) throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Projects.write(dir.resolve("in/a.csv"), "Year,Name\n2018,Aruba\n2019,Angola\n");
    Projects.write(dir.resolve("in/b.csv"), "Year,Name\n2020,Benin\nnot-a-year,Bhutan\n");
    return new IngestJob(spark)
        .dataset(dataset(dir.resolve("in").toString() + "/*.csv"))
        .runId("run-7")
        .output(output)
        .execute();
  }

  @Test
  void rowsStoreTheirFilesIndexAndReadBackWithEachFilesPathAndChecksum() throws Exception {
    String output = dir.resolve("out").toString();
    IngestResult result = ingestTwoFiles(output);

    // The stored files, read by DuckDB: the index instead of the four constant columns.
    List<String> stored = new ArrayList<>();
    List<String> indexByName = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      String parquet = "read_parquet('" + output + "/*.parquet')";
      try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
        while (r.next()) {
          stored.add(r.getString(1));
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT coalesce(name, raw_record) AS record, source_file_index FROM "
                  + parquet
                  + " ORDER BY record")) {
        while (r.next()) {
          indexByName.add(r.getString(1) + "=" + r.getInt(2));
        }
      }
    }
    assertThat(stored)
        .containsExactly(
            "year",
            "name",
            "source_file_index",
            "source_line",
            "source_lines",
            "quarantine_reason",
            "raw_record");
    assertThat(indexByName)
        .as("a.csv is the first file found, b.csv the second")
        .containsExactly("Angola=0", "Aruba=0", "Benin=1", "not-a-year,Bhutan=1");

    // Read back: the columns where ingest's rows have them, each row with its own file's values.
    assertThat(result.written().columns())
        .containsExactly(
            "year",
            "name",
            "source_file",
            "source_line",
            "source_lines",
            "source_sha256",
            "ingest_run_id",
            "ingested_at",
            "quarantine_reason",
            "raw_record");
    String a = "file:" + dir.resolve("in/a.csv");
    String b = "file:" + dir.resolve("in/b.csv");
    List<Row> rows = result.written().orderBy("source_file", "source_line").collectAsList();
    assertThat(rows)
        .extracting(r -> r.getAs("name") + " " + r.getAs(RowColumns.SOURCE_FILE))
        .as("the quarantined record (not-a-year) has no values")
        .containsExactly("Aruba " + a, "Angola " + a, "Benin " + b, "null " + b);
    assertThat(rows)
        .extracting(r -> r.<String>getAs(RowColumns.SOURCE_SHA256))
        .containsExactly(
            sha256(dir.resolve("in/a.csv")),
            sha256(dir.resolve("in/a.csv")),
            sha256(dir.resolve("in/b.csv")),
            sha256(dir.resolve("in/b.csv")));
    assertThat(rows).extracting(r -> r.<String>getAs(RowColumns.RUN_ID)).containsOnly("run-7");
    assertThat(rows.stream().map(r -> r.getAs(RowColumns.INGESTED_AT)).distinct())
        .singleElement()
        .isNotNull();
    assertThat(result.quarantined().collectAsList())
        .singleElement()
        .satisfies(q -> assertThat(q.<String>getAs(RowColumns.SOURCE_FILE)).isEqualTo(b));

    // The accounting per file went through the index too.
    assertThat(result.files())
        .extracting(f -> f.file() + " " + f.rowsRead() + " " + f.rowsQuarantined())
        .containsExactly(a + " 2 0", b + " 2 1");
  }

  @Test
  void aFolderWhoseManifestIsMissingIsRefusedNamingTheCommand() throws Exception {
    String output = dir.resolve("out").toString();
    ingestTwoFiles(output);
    Files.delete(dir.resolve("out").resolve(ProvenanceManifest.FILE));

    assertThatThrownBy(
            () ->
                ProvenanceManifest.attached(
                    spark.read().parquet(output),
                    output,
                    spark.sparkContext().hadoopConfiguration()))
        .isInstanceOf(MissingStageOutputException.class)
        .hasMessageContaining(output)
        .hasMessageContaining(ProvenanceManifest.FILE)
        .hasMessageContaining("bin/egov ingest");
  }

  @Test
  void aFolderWithoutTheIndexIsReadAsItIs() {
    String output = dir.resolve("plain").toString();
    spark.sql("SELECT 1 AS year, 'x' AS source_file").write().parquet(output);

    assertThat(
            ProvenanceManifest.attached(
                    spark.read().parquet(output),
                    output,
                    spark.sparkContext().hadoopConfiguration())
                .columns())
        .containsExactly("year", "source_file");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
