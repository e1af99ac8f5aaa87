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
        List<org.apache.spark.sql.Row> rows = data.collectAsList();
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
}
