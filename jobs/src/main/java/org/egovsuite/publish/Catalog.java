package org.egovsuite.publish;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Registers the current version of every published table in Spark's catalog as
 * {@code egov.<table>} (an external Parquet table whose location is the version folder,
 * partitioned by year where its files are), with the table's title and each column's meaning
 * from the data dictionary as comments. The catalog is the embedded Derby Hive metastore of the
 * launcher ({@link CatalogSettings}) or whatever metastore the session was given; it is derived
 * from the warehouse's version pointers, so a lost or stale catalog is rebuilt by the next sync.
 */
public final class Catalog {
  public static final String DATABASE = "egov";
  private static final String DATA_DICTIONARY = "data_dictionary";

  private Catalog() {}

  /** What the sync did: tables registered or moved to their current version, and tables dropped. */
  public record Synced(List<String> updated, List<String> unchanged, List<String> dropped) {}

  /**
   * @param titles a table's title for its comment (may return null)
   */
  public static Synced sync(SparkSession spark, Warehouse warehouse, Function<String, String> titles) {
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    if (!catalog.databaseExists(DATABASE)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + DATABASE + " COMMENT 'e-government indicator tables "
          + "published by egov' LOCATION " + literal(warehouse.root() + "/_catalog/" + DATABASE + ".db"));
    }
    Map<String, String> current = new HashMap<>();
    for (TableVersions table : warehouse.publishedTables()) {
      table.current().ifPresent(v -> current.put(table.name(), table.path(v)));
    }
    Map<String, Map<String, String>> comments = null;   // read once, when a table first needs registering
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Map.Entry<String, String> table : new java.util.TreeMap<>(current).entrySet()) {
      String name = table.getKey();
      URI location = new org.apache.hadoop.fs.Path(table.getValue()).toUri();
      CatalogTable registered = catalog.tableExists(DATABASE, name) ? catalog.getTable(DATABASE, name) : null;
      if (registered != null && registered.location().getPath().equals(location.getPath())) {
        unchanged.add(name);
        continue;
      }
      updated.add(name);
      if (comments == null) {
        comments = columnComments(spark, current.get(DATA_DICTIONARY));
      }
      TableSchema files = TableSchema.of(spark, warehouse.hadoop(), table.getValue());
      StructType schema = withComments(files.schema(), comments.getOrDefault(name, Map.of()));
      boolean tracked = !files.partitions().isEmpty() && partitionsInMetastore(spark);
      if (registered != null) {
        if (!tracked && sameColumns(registered.schema(), schema)) {
          // A new version of the same shape: one metastore update (drop + create costs ~0.5 s a table).
          spark.sql("ALTER TABLE " + DATABASE + "." + name + " SET LOCATION " + literal(table.getValue()));
          continue;
        }
        spark.sql("DROP TABLE " + DATABASE + "." + name);
      }
      String title = titles.apply(name);
      spark.sql(createTable(name, schema, files.partitions(), table.getValue(),
          (title == null ? name : title) + " (lineage: bin/egov lineage " + name + ")"));
      if (tracked) {
        spark.sql("ALTER TABLE " + DATABASE + "." + name + " RECOVER PARTITIONS");
      }
    }
    List<String> dropped = new ArrayList<>();
    for (String name : scala.collection.JavaConverters.seqAsJavaList(catalog.listTables(DATABASE))) {
      if (!current.containsKey(name)) {
        spark.sql("DROP TABLE IF EXISTS " + DATABASE + "." + name);
        dropped.add(name);
      }
    }
    return new Synced(updated, unchanged, dropped);
  }

  /** table → column → "meaning (中文) [unit]". */
  private static Map<String, Map<String, String>> columnComments(SparkSession spark, String dictionary) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (dictionary == null) {
      return out;
    }
    for (Row row : spark.read().parquet(dictionary).collectAsList()) {
      String unit = row.getAs("unit");
      String text = row.<String>getAs("meaning_en") + " (" + row.<String>getAs("meaning_zh") + ")"
          + (unit == null || unit.isBlank() ? "" : " [" + unit + "]");
      out.computeIfAbsent(row.getAs("table_name"), t -> new HashMap<>()).put(row.getAs("column_name"), text);
    }
    return out;
  }

  /** An external Parquet table on the version folder, partitioned as its folders are. */
  private static String createTable(String name, StructType schema, List<String> partitions, String location,
      String comment) {
    List<String> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add("`" + field.name() + "` " + field.dataType().sql()
          + (field.getComment().isDefined() ? " COMMENT " + literal(field.getComment().get()) : ""));
    }
    return "CREATE TABLE " + DATABASE + "." + name + " (" + String.join(", ", columns) + ") USING parquet"
        + (partitions.isEmpty() ? "" : " PARTITIONED BY (" + String.join(", ", partitions.stream()
            .map(p -> "`" + p + "`").toList()) + ")")
        + " LOCATION " + literal(location) + " COMMENT " + literal(comment);
  }

  /**
   * Whether the metastore keeps a table's partitions (then they must be recovered after each
   * create). The launcher turns it off ({@link CatalogSettings}): Spark then finds the year
   * folders of the table's location itself, and a new version is one location change.
   */
  private static boolean partitionsInMetastore(SparkSession spark) {
    return Boolean.parseBoolean(spark.conf().get(CatalogSettings.MANAGE_PARTITIONS, "true"));
  }

  /** Same names, types and comments in the same order. */
  private static boolean sameColumns(StructType registered, StructType wanted) {
    if (registered.fields().length != wanted.fields().length) {
      return false;
    }
    for (int i = 0; i < wanted.fields().length; i++) {
      StructField a = registered.fields()[i];
      StructField b = wanted.fields()[i];
      if (!a.name().equals(b.name()) || !a.dataType().sameType(b.dataType())
          || !a.getComment().equals(b.getComment())) {
        return false;
      }
    }
    return true;
  }

  private static StructType withComments(StructType schema, Map<String, String> comments) {
    StructField[] fields = schema.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      String comment = comments.get(fields[i].name());
      if (comment != null) {
        fields[i] = fields[i].withComment(comment);
      }
    }
    return new StructType(fields);
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
