package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.publish.SpreadsheetExports;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spreadsheet exports of the bundled run: every summary table as a CSV that starts with the
 * UTF-8 byte-order mark and holds the table's header and rows, and as a sheet of the workbook.
 */
@ExtendWith(SparkTest.class)
class SpreadsheetExportsTest {
  private final SparkSession spark;

  SpreadsheetExportsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void everySummaryTableIsACsvWithBom() throws Exception {
    Path exports = BundledRun.warehouse().resolve(SpreadsheetExports.FOLDER);
    List<String> summaries;
    summaries = BundledRun.tables().stream().filter(SpreadsheetExports::isSummary).sorted().toList();
    assertThat(summaries).contains("province_capability_summary", "city_egov_index_movers",
        "vulnerability_fix_speed_national", "dotgov_security_contacts_overall");
    for (String table : summaries) {
      byte[] csv = Files.readAllBytes(exports.resolve(table + ".csv"));
      assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
      List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
      List<Row> rows = spark.read().parquet(BundledRun.table(table)).collectAsList();
      assertThat(lines.get(0)).as(table).isEqualTo(String.join(",", spark.read().parquet(BundledRun.table(table)).columns()));
      assertThat(lines).as(table).hasSize(rows.size() + 1);
    }
    String medium = Files.readString(exports.resolve("province_capability_summary.csv"), StandardCharsets.UTF_8);
    assertThat(medium).contains("中").contains("40.63");
  }

  @Test
  void theWorkbookHasASheetPerSummaryTableWithTypedCells() throws Exception {
    List<String> summaries = BundledRun.tables().stream().filter(SpreadsheetExports::isSummary).toList();
    try (XSSFWorkbook book = new XSSFWorkbook(BundledRun.warehouse().resolve(SpreadsheetExports.FOLDER)
        .resolve(SpreadsheetExports.WORKBOOK).toFile())) {
      Sheet index = book.getSheet("tables");
      assertThat(index.getLastRowNum()).isEqualTo(summaries.size());
      for (int r = 1; r <= index.getLastRowNum(); r++) {
        String sheetName = index.getRow(r).getCell(0).getStringCellValue();
        String table = index.getRow(r).getCell(1).getStringCellValue();
        assertThat(sheetName.length()).isLessThanOrEqualTo(31);     // Excel's limit
        Dataset<Row> data = spark.read().parquet(BundledRun.table(table));
        Sheet sheet = book.getSheet(sheetName);
        assertThat(sheet.getLastRowNum()).as(table).isEqualTo(data.count());
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(data.columns()[0]);
      }
      // 中 band of the 2015 provinces: 13 of 32 = 40.63% (ProvinceCapability2015Test), a number cell
      Sheet summary = book.getSheet("province_capability_summary");
      List<String> header = new java.util.ArrayList<>();
      summary.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      int band = header.indexOf("band");
      int share = header.indexOf("band_share_pct_display");
      org.apache.poi.ss.usermodel.Row medium = null;
      for (org.apache.poi.ss.usermodel.Row row : summary) {
        if (row.getRowNum() > 0 && "中".equals(row.getCell(band).getStringCellValue())) {
          medium = row;
        }
      }
      assertThat(medium).isNotNull();
      assertThat(medium.getCell(share).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(medium.getCell(share).getNumericCellValue()).isEqualTo(40.63);
    }
  }
}
