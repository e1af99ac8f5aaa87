package org.egovsuite.publish;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.egovsuite.config.ExportSettings;
import org.egovsuite.warehouse.SnapshotRows;
import org.egovsuite.warehouse.SyntheticLabel;

/**
 * One summary table as the exports show it: main's rows in written order, what each column means
 * (the data dictionary), the table's title and, first of all, the note every file and sheet opens
 * with — that the figures are synthetic when they are, and which snapshot they are.
 *
 * @param meanings column name to its English and Chinese meaning; columns without one show their
 *     name
 */
record ExportTable(
    String name,
    String note,
    String[] columns,
    List<Object[]> rows,
    Map<String, ColumnMeaning> meanings) {

  /** A column's meaning in both languages, from the published data dictionary. */
  record ColumnMeaning(String en, String zh, String unit) {}

  static ExportTable read(String name, Table table, Map<String, ColumnMeaning> meanings) {
    List<Object[]> rows = new ArrayList<>();
    long snapshot = table.currentSnapshot().snapshotId();
    SnapshotRows.read(table, snapshot, rows::add);
    String title =
        table.properties().getOrDefault("comment", name).replaceFirst(" \\(lineage: .*\\)$", "");
    String note =
        SyntheticLabel.of(table)
            .map(inputs -> SyntheticLabel.notice(name, inputs))
            .orElse(
                title
                    + " — published data; snapshot "
                    + snapshot
                    + " (bin/egov lineage "
                    + name
                    + ")");
    return new ExportTable(
        name,
        note,
        SnapshotRows.columns(table, snapshot).toArray(String[]::new),
        rows,
        Map.copyOf(meanings));
  }

  boolean synthetic() {
    return note.startsWith("SYNTHETIC");
  }

  /** The header rows asked for, each one text per column. */
  List<String[]> headers(String[] shown, List<ExportSettings.Header> wanted) {
    List<String[]> out = new ArrayList<>();
    for (ExportSettings.Header header : wanted) {
      out.add(
          Arrays.stream(shown)
              .map(
                  c ->
                      switch (header) {
                        case NAMES -> c;
                        case ZH -> meanings.containsKey(c) ? meanings.get(c).zh() : c;
                        case EN -> meanings.containsKey(c) ? meanings.get(c).en() : c;
                      })
              .toArray(String[]::new));
    }
    return out;
  }

  /**
   * The table as the report prints it: each column that has a {@code <column>_display} twin shows
   * the twin's value (rounded half-up, as the report rounds) under its own name, and the twins go.
   */
  ExportTable rounded() {
    List<String> all = List.of(columns);
    List<String> shown = all.stream().filter(c -> !c.endsWith(DISPLAY)).toList();
    int[] source =
        shown.stream()
            .mapToInt(c -> all.contains(c + DISPLAY) ? all.indexOf(c + DISPLAY) : all.indexOf(c))
            .toArray();
    List<Object[]> out = new ArrayList<>();
    for (Object[] row : rows) {
      Object[] values = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        values[i] = row[source[i]];
      }
      out.add(values);
    }
    return new ExportTable(name, note, shown.toArray(String[]::new), out, meanings);
  }

  static final String DISPLAY = "_display";

  /** Decimals in plain notation, for text files. */
  static String plain(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }
}
