package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ExportSettings;
import org.egovsuite.testing.Published;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.BranchWriter;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of a summary table holding source text that a spreadsheet would run as a formula, in two
 * year folders of which the later is the larger (Spark reads larger files first).
 */
@ExtendWith(SparkTest.class)
class SpreadsheetExportsSafetyTest {
  /** OWASP's CSV-injection payloads, as they might arrive in a source file's text column. */
  private static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"http://x.example\",\"click\")",
          "+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "\tTAB",
          "\rCR");

  private final SparkSession spark;
  @TempDir Path dir;

  SpreadsheetExportsSafetyTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void formulasAreNeutralisedNumbersKeptAndRowsInTheTablesOrder() throws Exception {
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("year", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (String text : HOSTILE) {
      rows.add(RowFactory.create(text, -1.5, 2019));
    }
    rows.add(RowFactory.create("-2.5", 0.5, 2019));
    rows.add(RowFactory.create("plain", 0.5, 2019));
    for (int i = 0; i < 500; i++) {
      rows.add(RowFactory.create("city " + i, (double) i, 2020));
    }
    // Published as the indicators stage writes a per-year table: a file per year, rows in order.
    SparkSession session = Published.session(dir);
    try (Warehouse warehouse =
        new Warehouse(dir.toString(), session.sparkContext().hadoopConfiguration())) {
      BranchWriter.write(
          session,
          warehouse.catalog(),
          "hostile_summary",
          session.createDataFrame(rows, schema).coalesce(1),
          "year",
          "test",
          "hostile",
          Map.of());
      warehouse
          .catalog()
          .load("hostile_summary")
          .manageSnapshots()
          .fastForwardBranch("main", "test")
          .commit();

      SpreadsheetExports.write(warehouse, List.of("hostile_summary"), ExportSettings.DEFAULT);
    }

    byte[] bytes = Files.readAllBytes(dir.resolve("exports/hostile_summary.csv"));
    List<String> lines =
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    // the note line first (a published table: its title and snapshot), then the column names
    assertThat(lines.get(0))
        .startsWith("hostile — published data; snapshot ")
        .endsWith(" (bin/egov lineage hostile_summary)");
    lines = lines.subList(1, lines.size());
    assertThat(lines.get(0)).isEqualTo("name,value,year");
    // OWASP: a leading apostrophe; the CR and TAB payloads are quoted by the CSV writer.
    assertThat(lines.get(1))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",-1.5,2019");
    assertThat(lines.get(2)).isEqualTo("'+cmd|' /C calc'!A0,-1.5,2019");
    assertThat(lines.get(3)).isEqualTo("'-2+3+cmd|' /C calc'!A0,-1.5,2019");
    assertThat(lines.get(4)).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0,-1.5,2019");
    assertThat(lines.get(5)).contains("'\tTAB").endsWith(",-1.5,2019");
    // The CR payload spans two physical lines in the CSV: "'\r" then "CR",-1.5,2019.
    assertThat(String.join("\n", lines))
        .contains("\"'\nCR\",-1.5,2019")
        .doesNotContain(",=")
        .doesNotContain(",+");
    // A number written as text stays a number; numeric columns are never touched.
    assertThat(lines).contains("-2.5,0.5,2019", "plain,0.5,2019");
    // 2019's rows (the smaller file) before 2020's, each file in the order it was written.
    int lastOf2019 = lines.indexOf("plain,0.5,2019");
    assertThat(lines.get(lastOf2019 + 1)).isEqualTo("city 0,0.0,2020");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("city 499,499.0,2020");

    try (InputStream in =
            Files.newInputStream(dir.resolve("exports/" + SpreadsheetExports.WORKBOOK));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(1);
      // note, the Chinese header (no dictionary here: the names), the names, then the rows
      int first = 3;
      for (int r = first; r < first + HOSTILE.size(); r++) {
        Cell cell = sheet.getRow(r).getCell(0);
        // Text cells are never formulas in the workbook: the value is kept as it was.
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(HOSTILE.get(r - first));
        assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      }
    }
  }
}
