package org.egovsuite.publish;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.SparkSession;

/**
 * The summary tables for analysts who live in spreadsheets: one CSV per table in UTF-8 with a
 * byte-order mark (without it Excel reads UTF-8 as the local code page and Chinese turns to
 * mojibake) and one XLSX workbook with a sheet per table, under {@code <warehouse>/exports/}.
 * Summary tables are small (bands, group means, correlations, movers, national figures), so
 * they are collected to the driver; unit-level tables stay Parquet only.
 */
public final class SpreadsheetExports {
  public static final String FOLDER = "exports";
  public static final String WORKBOOK = "summary_tables.xlsx";
  private static final List<String> SUMMARY_SUFFIXES = List.of("_summary", "_group_means", "_correlation",
      "_dimension_means", "_movers", "_national", "_overall");
  /** Excel's limit on sheet names. */
  private static final int SHEET_NAME_MAX = 31;

  private SpreadsheetExports() {}

  public static boolean isSummary(String table) {
    return SUMMARY_SUFFIXES.stream().anyMatch(table::endsWith);
  }

  /**
   * Writes the exports of the summary tables among {@code tables} (name → published path).
   *
   * @return the files written
   */
  public static List<String> write(SparkSession spark, Warehouse warehouse, List<String> names, List<String> paths) {
    List<String> written = new ArrayList<>();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
      Set<String> sheets = new HashSet<>();
      for (int t = 0; t < names.size(); t++) {
        if (!isSummary(names.get(t))) {
          continue;
        }
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data = spark.read().parquet(paths.get(t));
        String[] columns = data.columns();
        List<org.apache.spark.sql.Row> rows = data.collectAsList();
        String csv = warehouse.root() + "/" + FOLDER + "/" + names.get(t) + ".csv";
        writeCsv(warehouse, csv, columns, rows);
        written.add(csv);
        writeSheet(workbook.createSheet(sheetName(names.get(t), sheets)), columns, rows);
      }
      String xlsx = warehouse.root() + "/" + FOLDER + "/" + WORKBOOK;
      try (OutputStream out = warehouse.create(xlsx)) {
        workbook.write(out);
      }
      workbook.dispose();
      written.add(xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spreadsheet exports: " + e.getMessage(), e);
    }
    return written;
  }

  private static void writeCsv(Warehouse warehouse, String path, String[] columns, List<org.apache.spark.sql.Row> rows)
      throws IOException {
    try (Writer out = new OutputStreamWriter(warehouse.create(path), StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      CsvWriterSettings settings = new CsvWriterSettings();
      settings.getFormat().setLineSeparator("\r\n");
      settings.setQuoteEscapingEnabled(true);
      CsvWriter csv = new CsvWriter(out, settings);
      csv.writeHeaders(columns);
      for (org.apache.spark.sql.Row row : rows) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < row.size(); i++) {
          values[i] = row.isNullAt(i) ? null : text(row.get(i));
        }
        csv.writeRow(values);
      }
      csv.flush();
    }
  }

  private static void writeSheet(Sheet sheet, String[] columns, List<org.apache.spark.sql.Row> rows) {
    Row header = sheet.createRow(0);
    for (int c = 0; c < columns.length; c++) {
      header.createCell(c).setCellValue(columns[c]);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row line = sheet.createRow(r + 1);
      org.apache.spark.sql.Row row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        if (!row.isNullAt(c)) {
          set(line.createCell(c), row.get(c));
        }
      }
    }
  }

  private static void set(Cell cell, Object value) {
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else {
      cell.setCellValue(text(value));
    }
  }

  /** Decimals in plain notation (no 1.0E-4), lists as Spark prints them. */
  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    return String.valueOf(value);
  }

  /** The table name, cut to Excel's 31 characters and made unique with a number. */
  static String sheetName(String table, Set<String> taken) {
    String name = table.length() <= SHEET_NAME_MAX ? table : table.substring(0, SHEET_NAME_MAX);
    for (int n = 2; taken.contains(name); n++) {
      String suffix = "~" + n;
      name = table.substring(0, Math.min(table.length(), SHEET_NAME_MAX - suffix.length())) + suffix;
    }
    taken.add(name);
    return name;
  }
}
