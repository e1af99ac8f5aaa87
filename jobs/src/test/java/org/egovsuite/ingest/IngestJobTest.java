package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.testing.Definitions;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkTest.class)
class IngestJobTest {
  private final SparkSession spark;
  @TempDir Path dir;
  private int outputs;

  IngestJobTest(SparkSession spark) {
    this.spark = spark;
  }

  private DatasetDefinition dataset(String location, String encoding, int skipLines) {
    return Definitions.plain(
        "t",
        location,
        SourceFormat.csv(encoding, skipLines),
        List.of(
            new ColumnSpec("Year", "year", ColumnType.INT),
            new ColumnSpec("Name", "name", ColumnType.STRING),
            new ColumnSpec("Score", "score", ColumnType.DOUBLE)),
        List.of("year", "name"));
  }

  private IngestResult ingest(DatasetDefinition d) {
    return new IngestJob(spark)
        .dataset(d)
        .runId("run-1")
        .output(dir.resolve("out-" + (++outputs)).toString())
        .execute();
  }

  @Test
  void goodRowsAreTypedWithProvenanceAndBadRowsQuarantinedWithReason() throws Exception {
    Path file =
        Projects.write(
            dir.resolve("a.csv"),
            String.join(
                "\n",
                "Year,Name,Score", // line 1
                "2018,\"Iraq \",0.3376", // line 2
                "2018,Chile,not-a-number", // line 3: bad number
                "2018,Peru", // line 4: too few fields
                "2020,\"Viet Nam\",", // line 5: blank score is null
                ""));
    IngestResult result = ingest(dataset(file.toString(), "utf-8", 0));
    List<Row> accepted = result.accepted().orderBy("source_line").collectAsList();
    assertThat(accepted).hasSize(2);
    Row iraq = accepted.get(0);
    assertThat(iraq.<Integer>getAs("year")).isEqualTo(2018);
    assertThat(iraq.<String>getAs("name")).as("raw value kept untrimmed").isEqualTo("Iraq ");
    assertThat(iraq.<Double>getAs("score")).isEqualTo(0.3376);
    assertThat(iraq.<Long>getAs(RowColumns.SOURCE_LINE)).isEqualTo(2L);
    assertThat(iraq.<String>getAs(RowColumns.SOURCE_FILE)).isEqualTo("file:" + file);
    assertThat(iraq.<String>getAs(RowColumns.SOURCE_SHA256)).isEqualTo(sha256(file));
    assertThat(iraq.<String>getAs(RowColumns.RUN_ID)).isEqualTo("run-1");
    assertThat(accepted.get(1).<Object>getAs("score")).isNull();
    assertThat(accepted.get(1).<Long>getAs(RowColumns.SOURCE_LINE)).isEqualTo(5L);

    List<Row> quarantined = result.quarantined().orderBy("source_line").collectAsList();
    assertThat(quarantined)
        .extracting(
            r -> r.getAs("source_line"),
            r -> r.getAs("quarantine_reason"),
            r -> r.getAs("raw_record"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                3L, "column score: 'not-a-number' is not a number", "2018,Chile,not-a-number"),
            org.assertj.core.groups.Tuple.tuple(
                4L, "expected 3 fields as in the header, found 2", "2018,Peru"));

    assertThat(result.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rowsRead()).isEqualTo(4);
              assertThat(f.rowsAccepted()).isEqualTo(2);
              assertThat(f.rowsQuarantined()).isEqualTo(2);
            });
  }

  @Test
  void columnsAreFoundByHeaderNameInAnyOrderAndGbkIsDecoded() throws Exception {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "Score,Name,Year\r\n0.5,浙江省,2015\r\n".getBytes(Charset.forName("GBK")));
    IngestResult result = ingest(dataset(file.toString(), "gbk", 0));
    Row row = result.accepted().first();
    assertThat(row.<String>getAs("name")).isEqualTo("浙江省");
    assertThat(row.<Integer>getAs("year")).isEqualTo(2015);
    assertThat(row.<Double>getAs("score")).isEqualTo(0.5);
  }

  @Test
  void utf8ByteOrderMarkIsStrippedBeforeTheHeaderIsRead() throws Exception {
    Path file = dir.resolve("bom.csv");
    Files.write(
        file,
        ("\uFEFFYear,Name,Score\n2021,x,1\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    IngestResult result = ingest(dataset(file.toString(), "utf-8", 0));
    assertThat(result.rowsAccepted()).isEqualTo(1);
  }

  @Test
  void linesAboveTheHeaderAreSkipped() {
    Path file =
        Projects.write(dir.resolve("meta.csv"), "数据库：分省年度数据\n指标：x\nYear,Name,Score\n2024,a,1.5\n");
    IngestResult result = ingest(dataset(file.toString(), "utf-8", 2));
    assertThat(result.accepted().first().<Long>getAs(RowColumns.SOURCE_LINE)).isEqualTo(4L);
  }

  @Test
  void manyFilesAreAccountedPerFile() {
    Projects.write(dir.resolve("in/y1.csv"), "Year,Name,Score\n2018,a,1\n2018,b,2\n");
    Projects.write(dir.resolve("in/y2.csv"), "Year,Name,Score\n2020,a,x\n");
    IngestResult result = ingest(dataset(dir.resolve("in/*.csv").toString(), "utf-8", 0));
    assertThat(result.files())
        .extracting(FileAccount::rowsRead, FileAccount::rowsAccepted, FileAccount::rowsQuarantined)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, 2L, 0L),
            org.assertj.core.groups.Tuple.tuple(1L, 0L, 1L));
    assertThat(result.rowsRead())
        .isEqualTo(result.accepted().count() + result.quarantined().count());
  }

  @Test
  void noMatchingFileNamesTheLocationAndTheDefinition() {
    String location = dir.resolve("missing/*.csv").toString();
    assertThatThrownBy(() -> ingest(dataset(location, "utf-8", 0)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "dataset 't': no input file matches '"
                + location
                + "' (key 'location' in conf/datasets/t.yaml)");
  }

  @Test
  void headerWithoutAMappedColumnNamesFileAndColumn() {
    Path file = Projects.write(dir.resolve("h.csv"), "Year,Nom,Score\n2018,a,1\n");
    assertThatThrownBy(() -> ingest(dataset(file.toString(), "utf-8", 0)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "file:"
                + file
                + ": header has no column 'Name' (mapped to name in conf/datasets/t.yaml)");
  }

  @Test
  void emptyFileIsAnError() {
    Path file = Projects.write(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> ingest(dataset(file.toString(), "utf-8", 0)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "file:" + file + ": file is empty; expected a header row with Year, Name, Score");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
