package org.egovsuite.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary tables as one XLSX workbook (Apache POI): a sheet per table with typed cells
 * (numbers stay numbers), a bold frozen header, and a first sheet listing which sheet holds which
 * table — Excel limits sheet names to 31 characters, shorter than some table names.
 */
final class XlsxWorkbook implements AutoCloseable {
  private static final int SHEET_NAME_LIMIT = 31;
  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Sheet index = workbook.createSheet("tables");
  private final CellStyle bold;
  private final Set<String> used = new HashSet<>(Set.of("tables"));

  XlsxWorkbook() {
    Font font = workbook.createFont();
    font.setBold(true);
    bold = workbook.createCellStyle();
    bold.setFont(font);
    header(index, new String[] {"sheet", "table", "rows"});
  }

  void add(String table, String[] columns, List<Object[]> rows) {
    String name = sheetName(table);
    Sheet sheet = workbook.createSheet(name);
    header(sheet, columns);
    for (int r = 0; r < rows.size(); r++) {
      org.apache.poi.ss.usermodel.Row line = sheet.createRow(r + 1);
      Object[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        if (row[c] != null) {
          set(line.createCell(c), row[c]);
        }
      }
    }
    org.apache.poi.ss.usermodel.Row entry = index.createRow(index.getLastRowNum() + 1);
    entry.createCell(0).setCellValue(name);
    entry.createCell(1).setCellValue(table);
    entry.createCell(2).setCellValue(rows.size());
  }

  void write(OutputStream out) throws IOException {
    workbook.write(out);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }

  private void header(Sheet sheet, String[] columns) {
    org.apache.poi.ss.usermodel.Row line = sheet.createRow(0);
    for (int c = 0; c < columns.length; c++) {
      Cell cell = line.createCell(c);
      cell.setCellValue(columns[c]);
      cell.setCellStyle(bold);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void set(Cell cell, Object value) {
    if (value instanceof Number n && !(value instanceof BigDecimal)) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof BigDecimal d) {
      cell.setCellValue(d.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (value instanceof java.util.Collection<?> list) {
      cell.setCellValue(list.toString());
    } else {
      cell.setCellValue(String.valueOf(value));
    }
  }

  /** The table name, cut to Excel's limit and made unique with a counter when cut names collide. */
  private String sheetName(String table) {
    String name = table.length() <= SHEET_NAME_LIMIT ? table : table.substring(0, SHEET_NAME_LIMIT);
    for (int n = 2; used.contains(name); n++) {
      String suffix = "~" + n;
      name = table.substring(0, Math.min(table.length(), SHEET_NAME_LIMIT - suffix.length())) + suffix;
    }
    used.add(name);
    return name;
  }
}
