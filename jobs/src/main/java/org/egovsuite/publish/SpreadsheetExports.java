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
import java.util.Map;
import org.egovsuite.config.ExportSettings;
import org.egovsuite.warehouse.Warehouse;

/**
 * The summary tables for analysts who live in spreadsheets, under {@code <warehouse>/exports/}:
 *
 * <ul>
 *   <li>{@code <table>.csv}: unrounded, in UTF-8 with a byte-order mark (without it Excel reads
 *       UTF-8 as the local code page and Chinese turns to mojibake);
 *   <li>{@value #WORKBOOK}: every table as the report prints it — figures rounded by their {@code
 *       _display} twin, Chinese column meanings above the names by default — for sharing;
 *   <li>{@value #UNROUNDED}: the same sheets with every column unrounded.
 * </ul>
 *
 * Every file and sheet opens with one note line: synthetic figures say so there, published ones
 * name their snapshot. Header rows are a setting ({@code exports:} of the pipeline file, {@link
 * ExportSettings}). Summary tables are small (bands, group means, correlations, movers, national
 * figures), so they are collected to the driver; unit-level tables stay Parquet only.
 */
public final class SpreadsheetExports {
  public static final String FOLDER = "exports";
  public static final String WORKBOOK = "summary_tables.xlsx";
  public static final String UNROUNDED = "summary_tables_unrounded.xlsx";
  private static final List<String> SUMMARY_SUFFIXES =
      List.of(
          "_summary",
          "_group_means",
          "_correlation",
          "_dimension_means",
          "_movers",
          "_national",
          "_overall");

  private SpreadsheetExports() {}

  public static boolean isSummary(String table) {
    return SUMMARY_SUFFIXES.stream().anyMatch(table::endsWith);
  }

  /**
   * Writes the exports of the summary tables among {@code names}, from what main of each holds.
   *
   * @return the files written: the CSV files, then the workbooks (nothing without summary tables)
   */
  public static List<String> write(
      Warehouse warehouse, List<String> names, ExportSettings settings) {
    List<String> written = new ArrayList<>();
    Map<String, Map<String, ExportTable.ColumnMeaning>> meanings =
        ColumnDocs.meanings(warehouse.catalog());
    // Reading is most of the time (a cold reader per table): side by side, written in order.
    List<ExportTable> tables =
        names.stream().filter(SpreadsheetExports::isSummary).toList().parallelStream()
            .map(
                name ->
                    ExportTable.read(
                        name,
                        warehouse.catalog().load(name),
                        meanings.getOrDefault(name, Map.of())))
            .toList();
    if (tables.isEmpty()) {
      return written;
    }
    try (XlsxWorkbook rounded = new XlsxWorkbook();
        XlsxWorkbook unrounded = new XlsxWorkbook()) {
      for (ExportTable table : tables) {
        String csv = warehouse.root() + "/" + FOLDER + "/" + table.name() + ".csv";
        writeCsv(warehouse, csv, table, settings.csvHeaders());
        rounded.add(table.rounded(), settings.workbookHeaders());
        unrounded.add(table, settings.workbookHeaders());
        written.add(csv);
      }
      for (Map.Entry<String, XlsxWorkbook> book :
          Map.of(WORKBOOK, rounded, UNROUNDED, unrounded).entrySet()) {
        String xlsx = warehouse.root() + "/" + FOLDER + "/" + book.getKey();
        try (java.io.OutputStream out = warehouse.create(xlsx)) {
          book.getValue().write(out);
        }
        written.add(xlsx);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spreadsheet exports: " + e.getMessage(), e);
    }
    return written;
  }

  private static void writeCsv(
      Warehouse warehouse, String path, ExportTable table, List<ExportSettings.Header> headers)
      throws IOException {
    try (Writer out = new OutputStreamWriter(warehouse.create(path), StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      CsvWriterSettings settings = new CsvWriterSettings();
      settings.getFormat().setLineSeparator("\r\n");
      settings.setQuoteEscapingEnabled(true);
      CsvWriter csv = new CsvWriter(out, settings);
      csv.writeRow(new Object[] {text(table.note())});
      for (String[] header : table.headers(table.columns(), headers)) {
        csv.writeRow((Object[]) header);
      }
      for (Object[] row : table.rows()) {
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
   * would run as a formula ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code @SUM(…)}) gets a leading
   * apostrophe, as OWASP advises, unless it is a plain number such as {@code -2.5}.
   */
  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof String s
        && !s.isEmpty()
        && formulaStart(s.charAt(0))
        && !isPlainNumber(s)) {
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
