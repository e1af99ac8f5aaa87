package org.egovsuite.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.egovsuite.config.ExportSettings;

/**
 * Summary tables as one XLSX workbook (Apache POI). The first sheet ({@value #INDEX}) maps each
 * sheet to its table, title, rows and whether it is synthetic; each table's sheet opens with its
 * note (synthetic or not, which snapshot), then its header rows, then typed cells: numbers stay
 * numbers, decimals show the digits they carry (a rounded figure 40.63, not 40.625), whole numbers
 * without separators (years, ranks). Columns are as wide as their content, text cells are never
 * formulas (POI writes them as strings).
 */
final class XlsxWorkbook implements AutoCloseable {
  static final String INDEX = "目录 index";
  private static final int SHEET_NAME_LIMIT = 31;
  private static final int WIDEST = 60;
  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Sheet index = workbook.createSheet(INDEX);
  private final CellStyle bold;
  private final CellStyle note;
  private final CellStyle warning;
  private final CellStyle names;
  private final Map<String, CellStyle> decimals = new HashMap<>();
  private final CellStyle whole;
  private final Set<String> used = new HashSet<>(Set.of(INDEX));

  XlsxWorkbook() {
    bold = style(font(true, IndexedColors.BLACK));
    note = style(font(false, IndexedColors.GREY_50_PERCENT));
    warning = style(font(true, IndexedColors.RED));
    names = style(font(false, IndexedColors.GREY_50_PERCENT));
    whole = workbook.createCellStyle();
    whole.setDataFormat(workbook.createDataFormat().getFormat("0"));
    String[] header = {"工作表 sheet", "表 table", "说明 note", "行数 rows", "合成数据 synthetic"};
    org.apache.poi.ss.usermodel.Row line = index.createRow(0);
    for (int c = 0; c < header.length; c++) {
      text(line.createCell(c), header[c], bold);
    }
    index.createFreezePane(0, 1);
  }

  /** Adds a table's sheet and its index entry; returns the sheet's name. */
  String add(ExportTable table, List<ExportSettings.Header> headers) {
    String name = sheetName(table.name());
    Sheet sheet = workbook.createSheet(name);
    int[] widths = new int[table.columns().length];
    text(sheet.createRow(0).createCell(0), table.note(), table.synthetic() ? warning : note);
    int r = 1;
    for (String[] header : table.headers(table.columns(), headers)) {
      org.apache.poi.ss.usermodel.Row line = sheet.createRow(r);
      boolean programNames =
          headers.get(r - 1) == ExportSettings.Header.NAMES && headers.size() > 1;
      for (int c = 0; c < header.length; c++) {
        text(line.createCell(c), header[c], programNames ? names : bold);
        widths[c] = Math.max(widths[c], width(header[c]));
      }
      r++;
    }
    sheet.createFreezePane(0, r);
    for (Object[] row : table.rows()) {
      org.apache.poi.ss.usermodel.Row line = sheet.createRow(r++);
      for (int c = 0; c < row.length; c++) {
        if (row[c] != null) {
          set(line.createCell(c), row[c]);
          widths[c] = Math.max(widths[c], width(shown(row[c])));
        }
      }
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, Math.min(WIDEST, widths[c] + 2) * 256);
    }
    org.apache.poi.ss.usermodel.Row entry = index.createRow(index.getLastRowNum() + 1);
    text(entry.createCell(0), name, null);
    text(entry.createCell(1), table.name(), null);
    text(entry.createCell(2), table.note(), table.synthetic() ? warning : null);
    entry.createCell(3).setCellValue(table.rows().size());
    text(
        entry.createCell(4),
        table.synthetic() ? "是 yes" : "否 no",
        table.synthetic() ? warning : null);
    return name;
  }

  void write(OutputStream out) throws IOException {
    int[] widths = {SHEET_NAME_LIMIT, 40, WIDEST, 10, 18};
    for (int c = 0; c < widths.length; c++) {
      index.setColumnWidth(c, widths[c] * 256);
    }
    workbook.write(out);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }

  private void set(Cell cell, Object value) {
    if (value instanceof BigDecimal d) {
      cell.setCellValue(d.doubleValue());
      cell.setCellStyle(
          decimals.computeIfAbsent(
              "0" + (d.scale() > 0 ? "." + "0".repeat(d.scale()) : ""),
              f -> {
                CellStyle s = workbook.createCellStyle();
                s.setDataFormat(workbook.createDataFormat().getFormat(f));
                return s;
              }));
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      cell.setCellValue(((Number) value).doubleValue());
      cell.setCellStyle(whole);
    } else if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else {
      text(cell, shown(value), null);
    }
  }

  private static void text(Cell cell, String value, CellStyle style) {
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static String shown(Object value) {
    return value instanceof java.util.Collection<?> list
        ? list.toString()
        : ExportTable.plain(value);
  }

  /** Characters a column needs: a CJK character takes two. */
  private static int width(String text) {
    return text.codePoints()
        .map(
            c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c >= 0x3000 && c <= 0x30FF)
                        || (c >= 0xFF00 && c <= 0xFFEF)
                    ? 2
                    : 1)
        .sum();
  }

  private Font font(boolean isBold, IndexedColors color) {
    Font font = workbook.createFont();
    font.setBold(isBold);
    font.setColor(color.getIndex());
    return font;
  }

  private CellStyle style(Font font) {
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }

  /**
   * A sheet name of whole words within Excel's 31 characters: the table's last word (summary,
   * correlation, movers, ...) kept, and as many of its first words as fit, so
   * chile_municipal_checklist_correlation becomes chile_municipal_correlation; a collision gets a
   * number. The index sheet maps every name to its table.
   */
  String sheetName(String table) {
    String[] words = table.split("_");
    String name = table;
    if (table.length() > SHEET_NAME_LIMIT) {
      String last = words[words.length - 1];
      StringBuilder head = new StringBuilder();
      for (int i = 0; i < words.length - 1; i++) {
        String next = head.length() == 0 ? words[i] : head + "_" + words[i];
        if (next.length() + 1 + last.length() > SHEET_NAME_LIMIT) {
          break;
        }
        head = new StringBuilder(next);
      }
      name =
          head.length() == 0
              ? last.substring(0, Math.min(last.length(), SHEET_NAME_LIMIT))
              : head + "_" + last;
    }
    String base = name;
    for (int n = 2; used.contains(name); n++) {
      String suffix = " " + n;
      name =
          (base.length() + suffix.length() > SHEET_NAME_LIMIT
                  ? base.substring(0, SHEET_NAME_LIMIT - suffix.length())
                  : base)
              + suffix;
    }
    used.add(name);
    return name;
  }
}
