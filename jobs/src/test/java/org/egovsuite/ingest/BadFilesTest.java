package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crafted bad files in src/test/resources/bad-files, each read with the same three-column
 * definition (Year int, Name string, Score double). A whole-file problem is one error naming the
 * file; a bad record is quarantined with its line and reason; and always rows read = accepted +
 * quarantined.
 */
@ExtendWith(SparkTest.class)
class BadFilesTest {
  private static final Path DIR = Projects.home().resolve("jobs/src/test/resources/bad-files");
  private final SparkSession spark;
  @TempDir Path out;

  BadFilesTest(SparkSession spark) {
    this.spark = spark;
  }

  /** What reading a file must give: an error, or counts and the reasons of quarantined lines. */
  record Expected(String error, long read, long accepted, Map<Long, String> quarantined) {
    static Expected error(String message) {
      return new Expected(message, 0, 0, Map.of());
    }

    static Expected rows(long read, long accepted, Map<Long, String> quarantined) {
      return new Expected(null, read, accepted, quarantined);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // An unclosed quote at the end swallows the rest of the file into one field: 2 fields.
        Arguments.of(
            "truncated.csv",
            csv(),
            Expected.rows(2, 1, Map.of(3L, "expected 3 fields as in the header, found 2"))),
        Arguments.of(
            "wrong_encoding_rows.csv",
            csv(),
            Expected.rows(2, 1, Map.of(2L, "record has bytes that are not valid utf-8"))),
        Arguments.of(
            "wrong_encoding_header.csv",
            csv(),
            Expected.error("header has bytes that are not valid utf-8; is the encoding right?")),
        Arguments.of(
            "ragged_short.csv",
            csv(),
            Expected.rows(2, 1, Map.of(3L, "expected 3 fields as in the header, found 2"))),
        Arguments.of(
            "ragged_long.csv",
            csv(),
            Expected.rows(2, 1, Map.of(2L, "found 4 fields, more than the 3 in the header"))),
        Arguments.of("trailing_empty_fields.csv", csv(), Expected.rows(1, 1, Map.of())),
        // A field across lines where the definition allows it (csv.multiline: true) ...
        Arguments.of("embedded_newline.csv", csv().withMultiline(), Expected.rows(2, 2, Map.of())),
        // ... and where it does not (the default): each line alone; both halves have an open quote.
        Arguments.of(
            "embedded_newline.csv",
            csv(),
            Expected.rows(
                3,
                1,
                Map.of(
                    2L,
                        "line 2 has a quote (\") that is not closed on the line: lines 2-3 would read as one record",
                    3L,
                        "line 3 has a quote (\") that is not closed on the line: lines 2-3 would read as one record"))),
        Arguments.of(
            "nul_byte.csv", csv(), Expected.rows(2, 1, Map.of(2L, "record contains a NUL byte"))),
        Arguments.of("header_only.csv", csv(), Expected.rows(0, 0, Map.of())),
        Arguments.of(
            "empty.csv",
            csv(),
            Expected.error("file is empty; expected a header row with Year, Name, Score")),
        Arguments.of(
            "duplicate_headers.csv",
            csv(),
            Expected.error("header has column 'Name' twice; cannot tell which one maps to name")),
        Arguments.of(
            "missing_column.csv",
            csv(),
            Expected.error("header has no column 'Score' (mapped to score in bad.yaml)")),
        Arguments.of(
            "bad_number.csv",
            csv(),
            Expected.rows(2, 1, Map.of(2L, "column score: 'abc' is not a number"))),
        Arguments.of(
            "bad_int.csv",
            csv(),
            Expected.rows(
                1,
                0,
                Map.of(2L, "column year: '2018.5' is not a whole number in the range of int"))),
        Arguments.of("utf16_bom.csv", csv(), Expected.rows(1, 1, Map.of())),
        Arguments.of("mixed_line_endings.csv", csv(), Expected.rows(2, 2, Map.of())),
        // The quote opened on line 2 closes nowhere: that line is quarantined, lines 3-4 read as
        // they are
        // (univocity alone reads lines 2-4 as one record of 2 fields).
        Arguments.of(
            "unclosed_quote_mid_file.csv",
            csv(),
            Expected.rows(
                3,
                2,
                Map.of(
                    2L,
                    "line 2 has a quote (\") that is not closed on the line: lines 2-4 would read as one record"))),
        // The same with multi-line fields allowed: the merge is what the definition asked for.
        Arguments.of(
            "unclosed_quote_mid_file.csv",
            csv().withMultiline(),
            Expected.rows(1, 0, Map.of(2L, "expected 3 fields as in the header, found 2"))),
        // A stray quote before a quoted name: univocity alone reads lines 2-3 as one record whose
        // name is 'Denmark ,0.915\n2018,Australia "' (one country lost, one invented).
        Arguments.of(
            "unclosed_quote_merges.csv",
            csv(),
            Expected.rows(
                3,
                2,
                Map.of(
                    2L,
                    "line 2 has a quote (\") that is not closed on the line: lines 2-3 would read as one record"))),
        Arguments.of("spaces_around_quotes.csv", csv(), Expected.rows(3, 3, Map.of())),
        // Past the range of a double (would be ±Infinity) or under its smallest value (would be 0).
        Arguments.of(
            "number_out_of_range.csv",
            csv(),
            Expected.rows(
                5,
                2,
                Map.of(
                    2L, "column score: '1e999' is beyond the range of a double",
                    3L, "column score: '1e-999' is too small for a double",
                    4L, "column score: '-1.5E400' is beyond the range of a double"))),
        Arguments.of("blank_lines_counted.csv", csv(), Expected.rows(2, 2, Map.of())),
        // No header line: the first record would be taken for the header and lost without a word.
        Arguments.of(
            "no_header.csv",
            csv(),
            Expected.error(
                "line 1, read as the header, looks like data (2 of its 3 fields are"
                    + " numbers, e.g. '2018', and no mapped column name is found); if the file has no header line, set"
                    + " csv.header: false")),
        Arguments.of("blank_lines.csv", csv(), Expected.rows(2, 2, Map.of())),
        Arguments.of("grouped_numbers.csv", csv(), Expected.rows(2, 2, Map.of())),
        Arguments.of("only_delimiters.csv", csv(), Expected.rows(1, 1, Map.of())),
        // A line starting with '#' is data, not a comment: here a year that is not a number.
        Arguments.of(
            "hash_first_field.csv",
            csv(),
            Expected.rows(2, 1, Map.of(2L, "column year: '# 2018' is not a number"))),
        Arguments.of(
            "footer_notes.csv",
            new SourceFormat(
                "csv", "utf-8", ',', '"', 3, List.of("^注：", "^数据来源："), true, "lines", "", 1),
            Expected.rows(1, 1, Map.of())),
        Arguments.of(
            "not_a_workbook.xlsx",
            new SourceFormat("xlsx", "utf-8", ',', '"', 0, List.of(), true, "lines", "", 1),
            Expected.error("not an XLSX workbook")),
        Arguments.of(
            "bad_json_line.jsonl",
            new SourceFormat("json", "utf-8", ',', '"', 0, List.of(), true, "lines", "", 1),
            Expected.rows(
                4,
                1,
                Map.of(
                    2L,
                    "not valid JSON",
                    3L,
                    "not a JSON object",
                    4L,
                    "column score: 'x' is not a number"))),
        Arguments.of(
            "json_object_not_array.json",
            new SourceFormat("json", "utf-8", ',', '"', 0, List.of(), true, "array", "", 1),
            Expected.error("expected one JSON array of objects (json.layout is array)")));
  }

  private static SourceFormat csv() {
    return SourceFormat.csv("utf-8", 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheDocumentedErrorOrQuarantine(String file, SourceFormat format, Expected expected) {
    DatasetDefinition dataset =
        new DatasetDefinition(
            "bad",
            "",
            "bad.yaml",
            DIR.resolve(file).toString(),
            format,
            List.of(
                new ColumnSpec("Year", "year", ColumnType.INT),
                new ColumnSpec("Name", "name", ColumnType.STRING),
                new ColumnSpec("Score", "score", ColumnType.DOUBLE)),
            DatasetDefinition.DEFAULT_NULL_VALUES,
            null,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of());
    IngestJob job =
        new IngestJob(spark).dataset(dataset).runId("bad").output(out.resolve(file).toString());
    if (expected.error() != null) {
      assertThatThrownBy(job::execute)
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("file:" + DIR.resolve(file) + ": ")
          .hasMessageContaining(expected.error());
      return;
    }
    IngestResult result = job.execute();
    {
      assertThat(result.rowsRead()).as("read").isEqualTo(expected.read());
      assertThat(result.rowsAccepted()).as("accepted").isEqualTo(expected.accepted());
      assertThat(result.rowsRead())
          .as("read = accepted + quarantined")
          .isEqualTo(result.accepted().count() + result.quarantined().count());
      Map<Long, String> reasons = new java.util.TreeMap<>();
      for (Row r : result.quarantined().collectAsList()) {
        reasons.put(r.getAs(RowColumns.SOURCE_LINE), r.getAs(RowColumns.QUARANTINE_REASON));
      }
      assertThat(reasons).as("quarantined lines and reasons").hasSameSizeAs(expected.quarantined());
      expected
          .quarantined()
          .forEach(
              (line, reason) ->
                  assertThat(reasons.get(line))
                      .as("line %d of %s", line, reasons)
                      .startsWith(reason));
    }
  }

  /**
   * Every physical line, counted from the file's bytes, is in a record or is a header, blank or
   * footer line. Expected counts by hand from the files: e.g. blank_lines_counted.csv is a header,
   * 2 records and 4 blank lines (7 lines, the last ending in a newline).
   */
  @ParameterizedTest(name = "{0} multiline={1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "unclosed_quote_merges.csv, false, 4, 3",
    "blank_lines_counted.csv, false, 7, 2",
    "unclosed_quote_mid_file.csv, false, 4, 3",
    "unclosed_quote_mid_file.csv, true, 4, 3",
    "embedded_newline.csv, true, 4, 3",
    "embedded_newline.csv, false, 4, 3",
    "mixed_line_endings.csv, false, 3, 2"
  })
  void accountsForEveryPhysicalLine(String file, boolean multiline, long lines, long recordLines) {
    SourceFormat format = multiline ? csv().withMultiline() : csv();
    FileAccount account = read(file, format).files().get(0);
    assertThat(account.lines()).as("physical lines").isEqualTo(lines);
    assertThat(account.recordLines()).as("lines in records").isEqualTo(recordLines);
    assertThat(account.otherLines())
        .as("header, blank, footer lines")
        .isEqualTo(lines - recordLines);
  }

  @org.junit.jupiter.api.Test
  void readsWhiteSpaceAroundQuotedFieldsAsCsvReadersDo() {
    List<String> names =
        read("spaces_around_quotes.csv", csv()).accepted().orderBy("year").collectAsList().stream()
            .map(r -> r.<String>getAs("name"))
            .toList();
    // Spaces outside the quotes are not part of the value; spaces inside are (trimmed later,
    // recorded).
    assertThat(names).containsExactly("Denmark ", "Peru", "Chile \"CL\"");
  }

  /**
   * A csv file gzipped, bzip2-ed or zipped (one member) reads as the plain file: the same rows,
   * quarantined lines and line accounting; its checksum is that of the compressed bytes.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gz", "bz2", "zip"})
  void readsCompressedFilesAsThePlainFile(String extension) throws Exception {
    Path plain = DIR.resolve("unclosed_quote_merges.csv");
    Path packed = out.resolve("unclosed_quote_merges.csv." + extension);
    try (OutputStream file = Files.newOutputStream(packed);
        OutputStream compressed = compressor(extension, file)) {
      Files.copy(plain, compressed);
    }
    FileAccount want = read(plain.toString(), csv()).files().get(0);
    IngestResult result = read(packed.toString(), csv());
    FileAccount got = result.files().get(0);
    assertThat(
            List.of(
                got.rowsRead(),
                got.rowsAccepted(),
                got.rowsQuarantined(),
                got.lines(),
                got.recordLines()))
        .isEqualTo(
            List.of(
                want.rowsRead(),
                want.rowsAccepted(),
                want.rowsQuarantined(),
                want.lines(),
                want.recordLines()))
        .isEqualTo(List.of(3L, 2L, 1L, 4L, 3L));
    assertThat(got.sha256()).isEqualTo(sha256(packed));
    assertThat(result.quarantined().collectAsList().get(0).<Long>getAs(RowColumns.SOURCE_LINE))
        .isEqualTo(2L);
  }

  @org.junit.jupiter.api.Test
  void refusesAZipOfSeveralFilesNamingTheSecond() throws Exception {
    Path zip = out.resolve("two.zip");
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("a.csv", "b.csv")) {
        z.putNextEntry(new java.util.zip.ZipEntry(name));
        z.write(
            "Year,Name,Score\n2018,Iraq,0.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    assertThatThrownBy(() -> read(zip.toString(), csv()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("two.zip: zip archive holds more than one file (also 'b.csv')");
  }

  private static OutputStream compressor(String extension, OutputStream file)
      throws java.io.IOException {
    return switch (extension) {
      case "gz" -> new java.util.zip.GZIPOutputStream(file);
      case "bz2" ->
          new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(file);
      default -> {
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(file);
        zip.putNextEntry(new java.util.zip.ZipEntry("inner/unclosed_quote_merges.csv"));
        yield zip;
      }
    };
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** With csv.header: false every line is a record and columns are found by position. */
  @org.junit.jupiter.api.Test
  void readsAFileWithoutAHeaderLineByColumnPositions() {
    DatasetDefinition dataset =
        new DatasetDefinition(
            "bad",
            "",
            "bad.yaml",
            DIR.resolve("no_header.csv").toString(),
            csv().withoutHeader(),
            List.of(
                new ColumnSpec("3", "score", ColumnType.DOUBLE),
                new ColumnSpec("1", "year", ColumnType.INT),
                new ColumnSpec("2", "name", ColumnType.STRING)),
            DatasetDefinition.DEFAULT_NULL_VALUES,
            null,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of());
    IngestResult result =
        new IngestJob(spark)
            .dataset(dataset)
            .runId("bad")
            .output(out.resolve("positions").toString())
            .execute();
    FileAccount account = result.files().get(0);
    // 3 lines, all records: nothing above the data.
    assertThat(
            List.of(
                account.rowsRead(), account.rowsAccepted(), account.lines(), account.otherLines()))
        .isEqualTo(List.of(3L, 3L, 3L, 0L));
    List<Row> rows = result.accepted().orderBy("year").collectAsList();
    assertThat(rows)
        .extracting(
            r ->
                r.<Integer>getAs("year")
                    + " "
                    + r.getAs("name")
                    + " "
                    + r.getAs("score")
                    + " line "
                    + r.getAs(RowColumns.SOURCE_LINE))
        .containsExactly("2018 Iraq 0.5 line 1", "2019 Peru 0.6 line 2", "2020 Chile 0.7 line 3");
  }

  private IngestResult read(String file, SourceFormat format) {
    DatasetDefinition dataset =
        new DatasetDefinition(
            "bad",
            "",
            "bad.yaml",
            DIR.resolve(file).toString(),
            format,
            List.of(
                new ColumnSpec("Year", "year", ColumnType.INT),
                new ColumnSpec("Name", "name", ColumnType.STRING),
                new ColumnSpec("Score", "score", ColumnType.DOUBLE)),
            DatasetDefinition.DEFAULT_NULL_VALUES,
            null,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of());
    return new IngestJob(spark)
        .dataset(dataset)
        .runId("bad")
        .output(out.resolve(Path.of(file).getFileName() + "-" + format.multiline()).toString())
        .execute();
  }
}
