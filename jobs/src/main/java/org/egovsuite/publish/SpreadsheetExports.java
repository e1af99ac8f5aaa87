package org.egovsuite.publish;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;

/**
 * The summary tables for analysts who live in spreadsheets, under {@code <warehouse>/exports/}:
 * one CSV per table in UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local
 * code page and Chinese turns to mojibake), and all of them in one XLSX workbook
 * ({@value #WORKBOOK}, {@link XlsxWorkbook}). Summary tables are small (bands, group means,
 * correlations, movers, national figures), so they are collected to the driver; unit-level
 * tables stay Parquet only.
 */
public final class SpreadsheetExports {
  public static final String FOLDER = "exports";
  public static final String WORKBOOK = "summary_tables.xlsx";
  private static final List<String> SUMMARY_SUFFIXES = List.of("_summary", "_group_means", "_correlation",
      "_dimension_means", "_movers", "_national", "_overall");

  private SpreadsheetExports() {}

  public static boolean isSummary(String table) {
    return SUMMARY_SUFFIXES.stream().anyMatch(table::endsWith);
  }

  /**
   * Writes the exports of the summary tables among {@code names}, from what main of each holds.
   *
   * @return the files written: the CSV files, then the workbook (nothing without summary tables)
   */
  public static List<String> write(Warehouse warehouse, List<String> names) {
    List<String> written = new ArrayList<>();
    // Reading is most of the time (a cold reader per table): side by side, written in order.
    List<Sheet> sheets = names.stream().filter(SpreadsheetExports::isSummary).toList().parallelStream()
        .map(name -> Sheet.read(warehouse.catalog().load(name), name)).toList();
    try (XlsxWorkbook workbook = new XlsxWorkbook()) {
      for (Sheet sheet : sheets) {
        String csv = warehouse.root() + "/" + FOLDER + "/" + sheet.name() + ".csv";
        writeCsv(warehouse, csv, sheet.columns(), sheet.rows());
        workbook.add(sheet.name(), sheet.columns(), sheet.rows());
        written.add(csv);
      }
      if (written.isEmpty()) {
        return written;
      }
      String xlsx = warehouse.root() + "/" + FOLDER + "/" + WORKBOOK;
      try (java.io.OutputStream out = warehouse.create(xlsx)) {
        workbook.write(out);
      }
      written.add(xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spreadsheet exports: " + e.getMessage(), e);
    }
    return written;
  }

  /** A summary table as main holds it: its columns and rows in written order. */
  private record Sheet(String name, String[] columns, List<Object[]> rows) {
    static Sheet read(Table table, String name) {
      List<Object[]> rows = new ArrayList<>();
      long snapshot = table.currentSnapshot().snapshotId();
      SnapshotRows.read(table, snapshot, rows::add);
      return new Sheet(name, SnapshotRows.columns(table, snapshot).toArray(String[]::new), rows);
    }
  }

  private static void writeCsv(Warehouse warehouse, String path, String[] columns, List<Object[]> rows)
      throws IOException {
    try (Writer out = new OutputStreamWriter(warehouse.create(path), StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      CsvWriterSettings settings = new CsvWriterSettings();
      settings.getFormat().setLineSeparator("\r\n");
      settings.setQuoteEscapingEnabled(true);
      CsvWriter csv = new CsvWriter(out, settings);
      csv.writeHeaders(columns);
      for (Object[] row : rows) {
        Object[] values = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
          values[i] = row[i] == null ? null : text(row[i]);
        }
        csv.writeRow(values);
      }
      csv.flush();
    }
  }

  /** Cells a spreadsheet would run as a formula start with these (OWASP's CSV injection list). */
  private static boolean formulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * Decimals in plain notation (no 1.0E-4), lists as Spark prints them; text that a spreadsheet
   * would run as a formula ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code @SUM(…)}) gets a
   * leading apostrophe, as OWASP advises, unless it is a plain number such as {@code -2.5}.
   */
  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof String s && !s.isEmpty() && formulaStart(s.charAt(0)) && !isPlainNumber(s)) {
      return "'" + s;
    }
    if (value instanceof java.util.Collection<?> list) {
      return list.toString();
    }
    return String.valueOf(value);
  }

  private static boolean isPlainNumber(String s) {
    return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  }
}
