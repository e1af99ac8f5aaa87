package org.egovsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.egovsuite.config.DatasetDefinition;

/**
 * An XLSX sheet through Apache POI. The workbook is loaded whole (POI's user model); the
 * spreadsheets published as open data are a few MB. Numbers are written out exactly ({@link
 * NumberToTextConverter}), not as Excel displays them, so typing sees 2.31, not "2.3".
 */
final class XlsxRecordSource implements RecordSource {
  private final XSSFWorkbook workbook;
  private final Sheet sheet;
  private final List<String> preamble = new ArrayList<>();
  private final String[] header;
  private final int headerIndex;

  XlsxRecordSource(DatasetDefinition dataset, String file, InputStream in) throws IOException {
    workbook = new XSSFWorkbook(in);
    String name = dataset.format().sheet();
    sheet = name.isEmpty() ? workbook.getSheetAt(0) : workbook.getSheet(name);
    if (sheet == null) {
      List<String> names = new ArrayList<>();
      workbook.forEach(s -> names.add(s.getSheetName()));
      throw new InputException(
          file + ": no sheet '" + name + "'; sheets: " + String.join(", ", names));
    }
    headerIndex = dataset.format().headerRow() - 1;
    for (int r = 0; r < headerIndex; r++) {
      preamble.add(String.join("\t", cells(sheet.getRow(r), 0)));
    }
    Row headerRow = sheet.getRow(headerIndex);
    header = headerRow == null ? null : cells(headerRow, 0).toArray(String[]::new);
  }

  @Override
  public List<String> preamble() {
    return preamble;
  }

  @Override
  public String[] header() {
    return header;
  }

  @Override
  public Iterator<SourceRecord> records() {
    return new Iterator<>() {
      private int row = headerIndex + 1;

      @Override
      public boolean hasNext() {
        return row <= sheet.getLastRowNum();
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<String> fields = cells(sheet.getRow(row), header.length);
        row++;
        return new SourceRecord(row, String.join("\t", fields), fields.toArray(String[]::new));
      }
    };
  }

  /** Cell texts of a row, padded with "" to at least {@code width}. */
  private static List<String> cells(Row row, int width) {
    List<String> out = new ArrayList<>();
    int last = row == null ? 0 : Math.max(row.getLastCellNum(), 0);
    for (int c = 0; c < Math.max(last, width); c++) {
      out.add(row == null ? "" : text(row.getCell(c)));
    }
    return out;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? cell.getLocalDateTimeCellValue().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              : NumberToTextConverter.toText(cell.getNumericCellValue());
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      default -> "";
    };
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
