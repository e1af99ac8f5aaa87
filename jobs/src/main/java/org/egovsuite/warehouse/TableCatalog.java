package org.egovsuite.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;

/**
 * The Iceberg catalog of the published tables, namespace {@value #NAMESPACE}. By default the
 * warehouse's own: Iceberg's JDBC catalog on a SQLite file, {@code <warehouse>/catalog.db} (a local
 * warehouse: no server needed), or Iceberg's Hadoop catalog in {@code <warehouse>/tables} (a
 * warehouse on HDFS or another Hadoop file system, where SQLite cannot live). A profile's {@code
 * catalog:} properties replace the default (a Hive metastore, a REST catalog, …). The same
 * properties open it from Java without Spark ({@link #open}) and register it in a Spark session as
 * its default catalog ({@link #register}), so analysts' {@code egov.<table>} names the published
 * table in both.
 *
 * <p>This suite only ever changes tables that carry {@value #OWNER} (set when it creates them):
 * tables that other teams keep in the same catalog are read by nobody here and never dropped.
 */
public final class TableCatalog implements Closeable {
  /**
   * The catalog's name in Spark and in the JDBC catalog's rows (pyiceberg opens it by this name).
   */
  public static final String NAME = "egov_catalog";

  public static final String NAMESPACE = "egov";

  /** Table property marking the tables this suite created and may change. */
  public static final String OWNER = "egov.created-by";

  public static final String SQLITE_FILE = "catalog.db";

  private final Map<String, String> properties;
  private final Catalog catalog;

  /**
   * Tables already loaded, refreshed on every {@link #load}: a refresh that finds the same metadata
   * costs one catalog lookup, a load parses the metadata file again (the publish stage looks at
   * each table several times).
   */
  private final Map<String, Table> loaded = new java.util.concurrent.ConcurrentHashMap<>();

  private TableCatalog(Map<String, String> properties, Catalog catalog) {
    this.properties = properties;
    this.catalog = catalog;
  }

  /**
   * The catalog properties of a warehouse: the profile's, else the warehouse's own catalog.
   *
   * @param profile the profile's {@code catalog:} mapping, possibly empty
   */
  public static Map<String, String> properties(String warehouse, Map<String, String> profile) {
    Map<String, String> out = new LinkedHashMap<>();
    String tables = warehouse.replaceAll("/+$", "") + "/tables";
    if (!profile.isEmpty()) {
      out.putAll(profile);
      if (List.of("jdbc", "hadoop").contains(out.get("type"))) {
        out.putIfAbsent("warehouse", tables);
      }
    } else if (LocalWarehouseCheck.isLocal(warehouse)) {
      out.put("type", "jdbc");
      out.put(
          "uri", "jdbc:sqlite:" + LocalWarehouseCheck.localPath(warehouse).resolve(SQLITE_FILE));
      out.put("warehouse", tables);
      // Readers (an analyst's pyiceberg or DuckDB session) never block a commit, and a commit
      // waits for another instead of failing at once with "database is locked".
      out.put("jdbc.journal_mode", "WAL");
      out.put("jdbc.busy_timeout", "30000");
    } else {
      out.put("type", "hadoop");
      out.put("warehouse", tables);
    }
    return out;
  }

  /**
   * Loads what opening a catalog and reading table metadata needs (Hadoop's local file system,
   * Iceberg's metadata parser, the SQLite driver and its native library), for commands that start
   * it on a background thread while their configuration loads.
   */
  public static void warmUp() {
    try {
      org.apache.hadoop.fs.FileSystem.getLocal(new Configuration());
      Class.forName("org.apache.iceberg.TableMetadataParser");
      Class.forName("org.apache.iceberg.jdbc.JdbcCatalog");
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
        c.isValid(1);
      }
    } catch (IOException | ClassNotFoundException | java.sql.SQLException e) {
      // only a head start
    }
  }

  /** Opens the catalog with Iceberg's Java API only (no SparkSession). */
  public static TableCatalog open(Map<String, String> properties, Configuration hadoop) {
    Map<String, String> props = new LinkedHashMap<>(properties);
    if ("jdbc".equals(props.get("type"))) {
      // Iceberg's JDBC catalog creates its tables in a new SQLite file: its folder must exist.
      String uri = props.get("uri");
      if (uri != null && uri.startsWith("jdbc:sqlite:")) {
        try {
          java.nio.file.Files.createDirectories(
              java.nio.file.Path.of(uri.substring("jdbc:sqlite:".length()))
                  .toAbsolutePath()
                  .getParent());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the folder of " + uri, e);
        }
      }
    }
    Catalog catalog = CatalogUtil.buildIcebergCatalog(NAME, props, hadoop);
    return new TableCatalog(props, catalog);
  }

  /**
   * Makes the catalog the session's default under {@value #NAME}: {@code egov.<table>} then names a
   * published table, {@code egov.<table>.branch_<run>} a run's unpublished branch.
   */
  public static void register(SparkSession spark, Map<String, String> properties) {
    String prefix = "spark.sql.catalog." + NAME;
    spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
    properties.forEach((k, v) -> spark.conf().set(prefix + "." + k, v));
    // A table read right after a commit (a branch just written, main just moved) must be the new
    // one.
    spark.conf().set(prefix + ".cache-enabled", "false");
    spark.conf().set("spark.sql.defaultCatalog", NAME);
  }

  public Map<String, String> properties() {
    return properties;
  }

  public static TableIdentifier id(String table) {
    return TableIdentifier.of(NAMESPACE, table);
  }

  /** The name Spark resolves to the table (its main branch), or to one of its branches. */
  public static String sparkName(String table) {
    return NAME + "." + NAMESPACE + "." + table;
  }

  public static String sparkName(String table, String branch) {
    return sparkName(table) + ".branch_" + branch;
  }

  public Catalog iceberg() {
    return catalog;
  }

  /** The tables this suite published, by name (tables others keep in the namespace left out). */
  public List<String> tables() {
    Namespace ns = Namespace.of(NAMESPACE);
    if (catalog instanceof SupportsNamespaces spaces && !spaces.namespaceExists(ns)) {
      return List.of();
    }
    return catalog.listTables(ns).stream()
        .map(TableIdentifier::name)
        .sorted()
        .filter(name -> loadAny(name).properties().containsKey(OWNER))
        .toList();
  }

  public boolean exists(String table) {
    return loaded.containsKey(table) || catalog.tableExists(id(table));
  }

  /** A published table; the error lists the published ones. */
  public Table load(String table) {
    if (!exists(table)) {
      throw new org.egovsuite.config.MissingStageOutputException(
          "table '"
              + table
              + "' is not published; "
              + "published tables: "
              + String.join(", ", tables()));
    }
    Table loaded = loadAny(table);
    if (!loaded.properties().containsKey(OWNER)) {
      throw new IllegalStateException(
          "table "
              + NAMESPACE
              + "."
              + table
              + " was not created by egov (it lacks the "
              + "table property "
              + OWNER
              + "); egov does not change tables it did not create");
    }
    return loaded;
  }

  private Table loadAny(String table) {
    Table cached = loaded.get(table);
    if (cached != null) {
      cached.refresh();
      return cached;
    }
    Table fresh = catalog.loadTable(id(table));
    loaded.put(table, fresh);
    return fresh;
  }

  /**
   * Creates the namespace if the catalog has none. The indicator stage writes tables from several
   * threads: one creates it, the others wait (a second insert would break the JDBC catalog's
   * primary key, reported as a plain SQL error, not as "already exists").
   */
  public synchronized void ensureNamespace() {
    Namespace ns = Namespace.of(NAMESPACE);
    if (catalog instanceof SupportsNamespaces spaces && !spaces.namespaceExists(ns)) {
      try {
        // Iceberg's Hadoop catalog keeps no namespace properties
        spaces.createNamespace(
            ns,
            catalog instanceof org.apache.iceberg.hadoop.HadoopCatalog
                ? Map.of()
                : Map.of("comment", "e-government indicator tables published by egov"));
      } catch (RuntimeException e) {
        if (!spaces.namespaceExists(ns)) {
          throw e;
        }
        // another process created it meanwhile
      }
    }
  }

  @Override
  public void close() {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
