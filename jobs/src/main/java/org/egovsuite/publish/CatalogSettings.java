package org.egovsuite.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark settings that give a launcher session its catalog: by default Spark's Hive catalog
 * on an embedded Derby metastore in {@code <warehouse>/_catalog/} (for a warehouse on a remote
 * file system, Derby needs a local folder: one per warehouse URI under java.io.tmpdir — the
 * catalog is rebuilt from the warehouse by the next publish or {@code bin/egov sql}). A profile
 * that names a metastore ({@code spark.hadoop.hive.metastore.uris}) or a catalog implementation
 * keeps it.
 */
public final class CatalogSettings {
  public static final String IMPLEMENTATION = "spark.sql.catalogImplementation";
  public static final String METASTORE_URIS = "spark.hadoop.hive.metastore.uris";
  /** Off: Spark lists a partitioned table's year folders itself instead of the metastore. */
  public static final String MANAGE_PARTITIONS = "spark.sql.hive.manageFilesourcePartitions";

  private CatalogSettings() {}

  /** {@code spark} plus the catalog settings it lacks; sets Derby's home before Derby boots. */
  public static Map<String, String> add(String warehouse, Map<String, String> spark) {
    Map<String, String> out = new LinkedHashMap<>(spark);
    if (out.containsKey(IMPLEMENTATION) || !hiveOnClassPath()) {
      return out;
    }
    out.put(IMPLEMENTATION, "hive");
    // A new table version is then one location change in the metastore, not a partition rebuild.
    out.putIfAbsent(MANAGE_PARTITIONS, "false");
    if (out.containsKey(METASTORE_URIS)) {
      return out;
    }
    Path folder = folder(warehouse);
    out.putIfAbsent("spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + folder.resolve("metastore_db") + ";create=true");
    out.putIfAbsent("spark.sql.warehouse.dir", folder.resolve("managed").toUri().toString());
    // derby.log goes to derby.system.home (else the working directory).
    System.setProperty("derby.system.home", folder.toString());
    return out;
  }

  static Path folder(String warehouse) {
    if (!warehouse.contains("://") || warehouse.startsWith("file:")) {
      return Paths.get(warehouse.replaceFirst("^file:(//)?", ""), "_catalog").toAbsolutePath();
    }
    return Paths.get(System.getProperty("java.io.tmpdir"), "egov-catalog-" + sha1(warehouse).substring(0, 12));
  }

  private static boolean hiveOnClassPath() {
    try {
      Class.forName("org.apache.hadoop.hive.conf.HiveConf", false, CatalogSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
