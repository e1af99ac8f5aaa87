package org.egovsuite.publish;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.egovsuite.warehouse.SnapshotRows;
import org.egovsuite.warehouse.TableCatalog;

/**
 * {@code bin/egov sql} without Spark: DuckDB (in memory) over the data files of main's snapshot of
 * each published table, listed by Iceberg's API (published tables have no delete files: {@link
 * SnapshotRows#files} refuses any). One view per table, {@code egov.<table>}; then DuckDB is locked
 * to those files: {@code allowed_paths} lists them, external access is off and the configuration
 * locked, so no query can read or write any other file (read_csv, COPY, ATTACH, INSTALL are refused
 * by DuckDB itself, after {@link ReadOnlyQuery} has refused everything but queries).
 */
public final class DuckDbQuery {
  /** A query's columns, its first rows, and whether there were more. */
  public record Result(List<String> columns, List<List<Object>> rows, boolean more) {}

  private DuckDbQuery() {}

  /**
   * Whether DuckDB is on the class path: the cluster jar leaves it out (80 MB of native libraries).
   */
  public static boolean available() {
    try {
      Class.forName("org.duckdb.DuckDBDriver", false, DuckDbQuery.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Loads DuckDB's native library (half a second), e.g. while the configuration loads. */
  public static void warmUp() {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      connection.isValid(1);
    } catch (SQLException e) {
      // the real query reports it
    }
  }

  /**
   * @param named the tables the query names; views are made for those only (reading a table's file
   *     list costs tens of milliseconds), for every table when it names none (SHOW TABLES)
   */
  public static Result run(
      TableCatalog catalog, String query, int limit, java.util.Set<String> named) {
    try (Session session = open(catalog, named)) {
      return session.query(query, limit);
    }
  }

  /**
   * One DuckDB for many queries (a brief asks dozens): views for the tables named, or for every
   * table when none is, made once, then the file access locked as for a single query.
   */
  public static Session open(TableCatalog catalog, java.util.Set<String> named) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + TableCatalog.NAMESPACE);
        List<String> files = new ArrayList<>();
        List<String> all = catalog.tables();
        List<String> wanted = all.stream().filter(named::contains).toList();
        for (String name : wanted.isEmpty() ? all : wanted) {
          Table table = catalog.load(name);
          Snapshot main = table.currentSnapshot();
          if (main != null) {
            statement.execute(view(name, table, main, files));
          }
        }
        if (!files.isEmpty()) {
          statement.execute(
              "SET allowed_paths = ["
                  + files.stream().map(DuckDbQuery::literal).collect(Collectors.joining(", "))
                  + "]");
        }
        statement.execute("SET enable_external_access = false");
        statement.execute("SET lock_configuration = true");
        statement.execute("SET schema = '" + TableCatalog.NAMESPACE + "'");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return new Session(connection);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** An open DuckDB over main of the published tables; queries only (see the class comment). */
  public static final class Session implements AutoCloseable {
    private final Connection connection;

    private Session(Connection connection) {
      this.connection = connection;
    }

    public Result query(String query, int limit) {
      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(limit + 1);
        try (ResultSet rs = statement.executeQuery(query)) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c));
          }
          List<List<Object>> rows = new ArrayList<>();
          boolean more = false;
          while (rs.next()) {
            if (rows.size() == limit) {
              more = true;
              break;
            }
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= columns.size(); c++) {
              row.add(value(rs.getObject(c)));
            }
            rows.add(row);
          }
          return new Result(columns, rows, more);
        }
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing was written; a failed close loses nothing
      }
    }
  }

  private static QueryFailedException failed(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return new QueryFailedException(message.lines().findFirst().orElse(message));
  }

  /** A query DuckDB could not run (a bad column, a type error, Spark-only syntax). */
  public static final class QueryFailedException extends org.egovsuite.config.ConfigException {
    QueryFailedException(String message) {
      super("DuckDB: " + message + " (queries run on DuckDB; for Spark SQL use --engine spark)");
    }
  }

  private static String view(String name, Table table, Snapshot main, List<String> allowed) {
    Schema schema = table.schemas().getOrDefault(main.schemaId(), table.schema());
    List<FileScanTask> tasks = SnapshotRows.files(table, main.snapshotId());
    String columns =
        schema.columns().stream().map(f -> quoted(f.name())).collect(Collectors.joining(", "));
    String source;
    if (tasks.isEmpty()) {
      source =
          "(SELECT "
              + schema.columns().stream()
                  .map(f -> "CAST(NULL AS " + duckType(f.type()) + ") AS " + quoted(f.name()))
                  .collect(Collectors.joining(", "))
              + " WHERE false)";
    } else {
      List<String> paths =
          tasks.stream().map(t -> t.file().location().replaceFirst("^file:(//)?", "")).toList();
      allowed.addAll(paths);
      source =
          "read_parquet(["
              + paths.stream().map(DuckDbQuery::literal).collect(Collectors.joining(", "))
              + "], union_by_name = true, hive_partitioning = false)";
    }
    return "CREATE VIEW "
        + TableCatalog.NAMESPACE
        + "."
        + quoted(name)
        + " AS SELECT "
        + columns
        + " FROM "
        + source;
  }

  private static String duckType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIMESTAMP ->
          ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case DECIMAL ->
          "DECIMAL("
              + ((Types.DecimalType) type).precision()
              + ", "
              + ((Types.DecimalType) type).scale()
              + ")";
      case LIST -> duckType(type.asListType().elementType()) + "[]";
      default -> "VARCHAR";
    };
  }

  private static Object value(Object value) throws SQLException {
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    if (value instanceof java.sql.Date
        || value instanceof java.sql.Timestamp
        || value instanceof java.time.temporal.Temporal) {
      return value.toString();
    }
    return value;
  }

  /** A name quoted for DuckDB's SQL (also for queries built by the profile and the brief). */
  public static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A text as a DuckDB string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
