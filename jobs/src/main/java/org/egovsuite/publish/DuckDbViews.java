package org.egovsuite.publish;

import java.util.List;

/**
 * {@code tables/views.sql}: one DuckDB view per published table on its current version, so an
 * analyst opens every table by name with {@code duckdb -init <warehouse>/tables/views.sql}.
 * Rewritten in one step after every switch; until then the views name the previous versions,
 * which stay complete. Per-year tables are read with their {@code year=…} folders as a column.
 */
public final class DuckDbViews {
  public static final String FILE = "views.sql";

  private DuckDbViews() {}

  public static String write(Warehouse warehouse) {
    StringBuilder sql = new StringBuilder("-- DuckDB views of the current table versions; written by egov publish.\n"
        + "-- duckdb -init " + warehouse.tables() + "/" + FILE + "\n");
    List<TableVersions> tables = warehouse.publishedTables();
    for (TableVersions table : tables) {
      table.current().ifPresent(v -> sql.append("CREATE OR REPLACE VIEW ").append(table.name())
          .append(" AS SELECT * FROM read_parquet('").append(local(table.path(v)).replace("'", "''"))
          .append("/**/*.parquet', hive_partitioning = true);\n"));
    }
    String file = warehouse.tables() + "/" + FILE;
    AtomicFile.write(file, sql.toString(), warehouse.hadoop());
    return file;
  }

  /** DuckDB reads local paths, not file: URIs. */
  private static String local(String path) {
    return path.replaceFirst("^file:(//)?", "");
  }
}
