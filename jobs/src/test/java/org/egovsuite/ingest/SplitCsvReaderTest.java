package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file read in many small byte ranges gives exactly what reading it whole gives: the same rows,
 * the same line numbers, the same quarantine. Ranges of at most 97 bytes (evened out over the task
 * slots, so cuts fall at many offsets within a line) cut lines, CRLF pairs and multi-byte GBK
 * characters in the middle.
 */
@ExtendWith(SparkTest.class)
class SplitCsvReaderTest {
  private final SparkSession spark;
  @TempDir Path dir;

  SplitCsvReaderTest(SparkSession spark) {
    this.spark = spark;
  }

  private static DatasetDefinition dataset(String location, String encoding) {
    SourceFormat format =
        new SourceFormat("csv", encoding, ',', '"', 1, List.of(), false, "lines", "", 1);
    return new DatasetDefinition(
        "split",
        "",
        "split.yaml",
        location,
        format,
        List.of(
            new ColumnSpec("id", "id", ColumnType.LONG),
            new ColumnSpec("name", "name", ColumnType.STRING),
            new ColumnSpec("value", "value", ColumnType.DOUBLE)),
        DatasetDefinition.DEFAULT_NULL_VALUES,
        null,
        Map.of(),
        List.of(),
        Map.of(),
        Map.of());
  }

  private List<String> read(DatasetDefinition d, long splitBytes, String out) {
    IngestResult result =
        new IngestJob(spark)
            .dataset(d)
            .runId("r")
            .splitBytes(splitBytes)
            .output(dir.resolve(out).toString())
            .execute();
    assertThat(result.rowsRead()).isEqualTo(result.rowsAccepted() + result.rowsQuarantined());
    return result.written().orderBy("source_line").collectAsList().stream()
        .map(
            r ->
                r.getAs("source_line")
                    + "|"
                    + r.getAs("id")
                    + "|"
                    + r.getAs("name")
                    + "|"
                    + r.getAs("value")
                    + "|"
                    + r.getAs("quarantine_reason"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"utf-8", "gbk"})
  void rangesReadExactlyWhatTheWholeFileGives(String encoding) throws Exception {
    StringBuilder text = new StringBuilder("# exported 2026\r\nid,name,value\r\n");
    for (int i = 1; i <= 120; i++) {
      if (i % 37 == 0) {
        text.append("\r\n"); // blank line: skipped, but counted
      }
      String name = i % 3 == 0 ? "浙江省第" + i + "号" : "unit-" + i;
      String value = i % 50 == 0 ? "bad" : (i % 7 == 0 ? "\"1,234." + i + "\"" : i + ".5");
      text.append(i)
          .append(',')
          .append(name)
          .append(',')
          .append(value)
          .append(i % 2 == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve("big-" + encoding + ".csv");
    Files.write(file, text.toString().getBytes(Charset.forName(encoding)));
    DatasetDefinition d = dataset(file.toString(), encoding);

    List<String> whole = read(d, Long.MAX_VALUE, "whole-" + encoding);
    assertThat(whole).hasSize(120);
    assertThat(whole.get(0)).isEqualTo("3|1|unit-1|1.5|null");
    assertThat(whole)
        .filteredOn(r -> r.endsWith("is not a number"))
        .as("lines of records 50 and 100")
        .hasSize(2);
    for (long splitBytes : List.of(97L)) {
      assertThat(read(d, splitBytes, "split-" + splitBytes + "-" + encoding))
          .as("ranges of %d bytes", splitBytes)
          .containsExactlyElementsOf(whole);
    }
  }

  @Test
  void rangesAreEvenedOutToWholeWavesOfTaskSlots() {
    // 1,600 MB in ranges of at most 64 MB: 25 ranges; on 2 slots 26 of 61.6 MB, on 8 slots 32 of 50
    // MB.
    long mb = 1L << 20;
    assertThat(SplitCsvReader.rangeSize(1600 * mb, 64 * mb, 2)).isEqualTo(ceil(1600 * mb, 26));
    assertThat(SplitCsvReader.rangeSize(1600 * mb, 64 * mb, 8)).isEqualTo(50 * mb);
    assertThat(SplitCsvReader.rangeSize(1600 * mb, 64 * mb, 1)).isEqualTo(64 * mb);
    // Fewer ranges than slots: one per slot, but none under 4 MiB.
    assertThat(SplitCsvReader.rangeSize(100 * mb, 64 * mb, 4)).isEqualTo(25 * mb);
    assertThat(SplitCsvReader.rangeSize(10 * mb, 8 * mb, 4))
        .as("two ranges of 5 MiB")
        .isEqualTo(5 * mb);
    assertThat(SplitCsvReader.rangeSize(6 * mb, 4 * mb, 4))
        .as("two ranges of 3 MiB, as the limit asks")
        .isEqualTo(3 * mb);
  }

  @Test
  void aFileIsSplitOnlyWhenLargeAgainstItsDatasetsShareOfEachSlot() {
    long mb = 1L << 20;
    // 100 files of 72 MB on 2 slots: 7,200 MB / (2 slots x 4 files) = 900 MB; no file is split.
    assertThat(SplitCsvReader.splitAbove(100 * 72 * mb, 64 * mb, 2)).isEqualTo(900 * mb);
    // 10 of them: 720 / 8 = 90 MB, still above a file's 72 MB.
    assertThat(SplitCsvReader.splitAbove(10 * 72 * mb, 64 * mb, 2)).isEqualTo(90 * mb);
    // One file of 72 MB: 72 / 8 = 9 MB, below the limit; split at 64 MB as before.
    assertThat(SplitCsvReader.splitAbove(72 * mb, 64 * mb, 2)).isEqualTo(64 * mb);
    // One file of 7 GB on 8 slots: 7,168 / 32 = 224 MB ranges, 32 of them (four waves).
    assertThat(SplitCsvReader.splitAbove(7168 * mb, 64 * mb, 8)).isEqualTo(224 * mb);
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }
}
