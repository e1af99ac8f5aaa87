package org.egovsuite.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Types;
import org.egovsuite.warehouse.SnapshotRows;
import org.egovsuite.warehouse.TableCatalog;

/**
 * The meaning of every column (English, Chinese, unit), from the published data dictionary, as the
 * column's Iceberg doc: {@code DESCRIBE egov.<table>} in Spark, pyiceberg's schema and any other
 * engine show it. Only changed docs are committed, so a rerun commits nothing.
 */
public final class ColumnDocs {
  public static final String DICTIONARY = "data_dictionary";

  private ColumnDocs() {}

  /**
   * Every published table's column meanings, from main of the data dictionary; empty without one.
   */
  static Map<String, Map<String, ExportTable.ColumnMeaning>> meanings(TableCatalog catalog) {
    Map<String, Map<String, ExportTable.ColumnMeaning>> out = new HashMap<>();
    if (!catalog.exists(DICTIONARY)) {
      return out;
    }
    Table dictionary = catalog.load(DICTIONARY);
    Snapshot main = dictionary.currentSnapshot();
    if (main == null) {
      return out;
    }
    List<String> columns = SnapshotRows.columns(dictionary, main.snapshotId());
    int table = columns.indexOf("table_name");
    int column = columns.indexOf("column_name");
    int en = columns.indexOf("meaning_en");
    int zh = columns.indexOf("meaning_zh");
    int unit = columns.indexOf("unit");
    SnapshotRows.read(
        dictionary,
        main.snapshotId(),
        row ->
            out.computeIfAbsent(String.valueOf(row[table]), t -> new HashMap<>())
                .put(
                    String.valueOf(row[column]),
                    new ExportTable.ColumnMeaning(
                        String.valueOf(row[en]),
                        String.valueOf(row[zh]),
                        row[unit] == null ? "" : String.valueOf(row[unit]))));
    return out;
  }

  public static void apply(TableCatalog catalog, List<String> tables) {
    if (!tables.contains(DICTIONARY)) {
      return;
    }
    Map<String, Map<String, String>> docs = new HashMap<>();
    meanings(catalog)
        .forEach(
            (table, columns) ->
                columns.forEach(
                    (column, m) ->
                        docs.computeIfAbsent(table, t -> new HashMap<>())
                            .put(
                                column,
                                m.en()
                                    + " ("
                                    + m.zh()
                                    + ")"
                                    + (m.unit().isBlank() ? "" : " [" + m.unit() + "]"))));
    for (String name : tables) {
      Map<String, String> wanted = docs.getOrDefault(name, Map.of());
      Table t = catalog.load(name);
      UpdateSchema update = null;
      for (Types.NestedField field : t.schema().columns()) {
        String doc = wanted.get(field.name());
        if (doc != null && !doc.equals(field.doc())) {
          update = update == null ? t.updateSchema() : update;
          update.updateColumnDoc(field.name(), doc);
        }
      }
      if (update != null) {
        update.commit();
      }
    }
  }
}
