package org.egovsuite.cli;

import java.util.List;

/**
 * Query results as a grid in the layout of Spark's {@code Dataset.show} (which analysts know from
 * spark-shell), for whichever engine ran the query: columns as wide as their widest cell (at least
 * 3), values left-aligned, {@code null} for empty cells.
 */
final class ResultGrid {
  private ResultGrid() {}

  static String render(List<String> columns, List<List<Object>> rows, boolean more) {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(3, columns.get(c).length());
      for (List<Object> row : rows) {
        widths[c] = Math.max(widths[c], text(row.get(c)).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : widths) {
      rule.append("-".repeat(w)).append('+');
    }
    StringBuilder out = new StringBuilder(rule).append('\n');
    line(out, columns.stream().map(c -> (Object) c).toList(), widths);
    out.append(rule).append('\n');
    rows.forEach(row -> line(out, row, widths));
    out.append(rule).append('\n');
    out.append(
        more
            ? "only the first " + rows.size() + " rows shown (--limit)\n"
            : rows.size() + (rows.size() == 1 ? " row\n" : " rows\n"));
    return out.toString();
  }

  private static void line(StringBuilder out, List<Object> cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      String cell = text(cells.get(c));
      out.append(cell).append(" ".repeat(widths[c] - cell.length())).append('|');
    }
    out.append('\n');
  }

  private static String text(Object value) {
    return value == null
        ? "null"
        : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }
}
