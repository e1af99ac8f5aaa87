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
import org.apache.spark.sql.SparkSession;

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
   * Writes the exports of the summary tables among {@code tables} (name → published path).
   *
   * @return the files written: the CSV files, then the workbook (nothing without summary tables)
   */
  public static List<String> write(SparkSession spark, Warehouse warehouse, List<String> names, List<String> paths) {
    List<String> written = new ArrayList<>();
    try (XlsxWorkbook workbook = new XlsxWorkbook()) {
      for (int t = 0; t < names.size(); t++) {
        if (!isSummary(names.get(t))) {
          continue;
        }
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data = spark.read().parquet(paths.get(t));
        List<org.apache.spark.sql.Row> rows = inWrittenOrder(data);
        String csv = warehouse.root() + "/" + FOLDER + "/" + names.get(t) + ".csv";
        writeCsv(warehouse, csv, data.columns(), rows);
        workbook.add(names.get(t), data.columns(), rows);
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

  /**
   * The rows as the table was written: file by file in path order (per-year folders, so years
   * in order), each file's rows in order. Spark reads a table's files largest first, so two
   * exports of the same table would otherwise list rows differently.
   */
  static List<org.apache.spark.sql.Row> inWrittenOrder(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data) {
    String[] columns = data.columns();
    return data.select(org.apache.spark.sql.functions.col("*"), org.apache.spark.sql.functions.col("_metadata.file_path").as("__file"),
            org.apache.spark.sql.functions.col("_metadata.row_index").as("__row"))
        .orderBy("__file", "__row").select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length))
        .collectAsList();
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
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    return String.valueOf(value);
  }

  private static boolean isPlainNumber(String s) {
    return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  }
}
