package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.testing.Definitions;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Parquet inputs and automatic encoding detection, which the bundled files do not exercise. */
@ExtendWith(SparkTest.class)
class FormatsTest {
  private final SparkSession spark;
  @TempDir Path dir;

  FormatsTest(SparkSession spark) {
    this.spark = spark;
  }

  private static DatasetDefinition dataset(String location, SourceFormat format) {
    return Definitions.plain(
        "f",
        location,
        format,
        List.of(
            new ColumnSpec("省份", "province", ColumnType.STRING),
            new ColumnSpec("得分", "score", ColumnType.DOUBLE)),
        List.of());
  }

  private IngestResult ingest(DatasetDefinition d, String out) {
    return new IngestJob(spark).dataset(d).runId("f").output(dir.resolve(out).toString()).execute();
  }

  @Test
  void parquetInputsAreMappedCastAndGivenProvenance() {
    StructType schema =
        new StructType()
            .add("省份", DataTypes.StringType)
            .add("得分", DataTypes.StringType)
            .add("extra", DataTypes.IntegerType);
    spark
        .createDataFrame(
            List.of(RowFactory.create("浙江省", "91.5", 1), RowFactory.create("江苏省", "90.25", 2)),
            schema)
        .write()
        .parquet(dir.resolve("in.parquet").toString());
    IngestResult result =
        ingest(
            dataset(
                dir.resolve("in.parquet").toString(),
                new SourceFormat("parquet", "utf-8", ',', '"', 0, List.of(), true, "lines", "", 1)),
            "pq");

    assertThat(result.rowsRead()).isEqualTo(2);
    assertThat(result.accepted().columns()).startsWith("province", "score").doesNotContain("extra");
    Row zhejiang = result.accepted().where("province = '浙江省'").first();
    assertThat(zhejiang.<Double>getAs("score")).isEqualTo(91.5);
    assertThat(zhejiang.<String>getAs(RowColumns.SOURCE_FILE))
        .as("the part file read")
        .contains("in.parquet/part-")
        .endsWith(".parquet");
    assertThat(zhejiang.<String>getAs(RowColumns.RUN_ID)).isEqualTo("f");
  }

  @Test
  void autoEncodingReadsUtf8AndGbkAlike() throws Exception {
    String text = "省份,得分\n浙江省,91.5\n";
    Files.write(dir.resolve("utf8.csv"), text.getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("gbk.csv"), text.getBytes(Charset.forName("GBK")));
    for (String file : List.of("utf8.csv", "gbk.csv")) {
      IngestResult result =
          ingest(
              dataset(dir.resolve(file).toString(), SourceFormat.csv("auto", 0)), "auto-" + file);
      assertThat(result.rowsQuarantined()).as(file).isZero();
      assertThat(result.accepted().first().<String>getAs("province")).as(file).isEqualTo("浙江省");
    }
  }

  @Test
  void validUtf8IsRecognisedEvenWhenTheSampleCutsACharacter() {
    byte[] zhe = "浙".getBytes(StandardCharsets.UTF_8);
    assertThat(Decoding.validUtf8(new byte[] {'a', zhe[0], zhe[1]}))
        .as("cut after 2 of 3 bytes")
        .isTrue();
    assertThat(Decoding.validUtf8("浙江".getBytes(Charset.forName("GBK")))).isFalse();
  }
}
