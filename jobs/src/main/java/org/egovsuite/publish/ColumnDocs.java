package org.egovsuite.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Types;

/**
 * The meaning of every column (English, Chinese, unit), from the published data dictionary, as
 * the column's Iceberg doc: {@code DESCRIBE egov.<table>} in Spark, pyiceberg's schema and any
 * other engine show it. Only changed docs are committed, so a rerun commits nothing.
 */
public final class ColumnDocs {
  public static final String DICTIONARY = "data_dictionary";

  private ColumnDocs() {}

  public static void apply(TableCatalog catalog, List<String> tables) {
    if (!tables.contains(DICTIONARY)) {
      return;
    }
    Table dictionary = catalog.load(DICTIONARY);
    Snapshot main = dictionary.currentSnapshot();
    if (main == null) {
      return;
    }
    List<String> columns = SnapshotRows.columns(dictionary, main.snapshotId());
    int table = columns.indexOf("table_name");
    int column = columns.indexOf("column_name");
    int en = columns.indexOf("meaning_en");
    int zh = columns.indexOf("meaning_zh");
    int unit = columns.indexOf("unit");
    Map<String, Map<String, String>> docs = new HashMap<>();
    SnapshotRows.read(dictionary, main.snapshotId(), row -> {
      String u = row[unit] == null ? "" : String.valueOf(row[unit]);
      docs.computeIfAbsent(String.valueOf(row[table]), t -> new HashMap<>()).put(String.valueOf(row[column]),
          row[en] + " (" + row[zh] + ")" + (u.isBlank() ? "" : " [" + u + "]"));
    });
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
