package org.egovsuite.testing;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.warehouse.SnapshotRows;
import org.egovsuite.warehouse.TableCatalog;
import org.egovsuite.warehouse.Warehouse;

/**
 * What a local warehouse published, read the ways analysts read it: Iceberg's API, the files, Spark
 * SQL.
 */
public final class Published {
  private Published() {}

  /** A published table, freshly loaded from the warehouse's catalog. */
  public static Table table(Path warehouse, String name) {
    try (Warehouse wh = new Warehouse(warehouse.toString(), new Configuration())) {
      return wh.catalog().load(name);
    }
  }

  /**
   * Main's rows of a published table, read with Iceberg's own Parquet reader, each as column →
   * value.
   */
  public static List<java.util.Map<String, Object>> rows(Path warehouse, String name) {
    Table table = table(warehouse, name);
    long snapshot = table.currentSnapshot().snapshotId();
    List<String> columns = SnapshotRows.columns(table, snapshot);
    List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
    SnapshotRows.read(
        table,
        snapshot,
        values -> {
          java.util.Map<String, Object> row = new java.util.HashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
          }
          out.add(row);
        });
    return out;
  }

  /** The tables published in a warehouse. */
  public static List<String> names(Path warehouse) {
    try (Warehouse wh = new Warehouse(warehouse.toString(), new Configuration())) {
      return wh.catalog().tables();
    }
  }

  /**
   * The tables with something on main (a table a run only wrote to its branch has nothing there).
   */
  public static List<String> onMain(Path warehouse) {
    try (Warehouse wh = new Warehouse(warehouse.toString(), new Configuration())) {
      if (!wh.hasCatalog()) {
        return List.of();
      }
      return wh.catalog().tables().stream()
          .filter(t -> wh.catalog().load(t).currentSnapshot() != null)
          .toList();
    }
  }

  /**
   * The data files of main's snapshot of a table, for {@code spark.read().parquet(files)} (an
   * Iceberg data file holds every column, the year of per-year tables too).
   */
  public static String[] files(Path warehouse, String name) {
    Table table = table(warehouse, name);
    return SnapshotRows.files(table, table.currentSnapshot().snapshotId()).stream()
        .map(t -> t.file().location())
        .toArray(String[]::new);
  }

  /**
   * A session of its own (sharing the test JVM's SparkContext) whose egov tables are the
   * warehouse's.
   */
  public static SparkSession session(Path warehouse) {
    SparkSession session = SparkTest.session().newSession();
    TableCatalog.register(
        session, TableCatalog.properties(warehouse.toString(), java.util.Map.of()));
    return session;
  }
}
