package org.egovsuite.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder every stage reads from and writes to (a local path or any Hadoop URI), and its layout:
 *
 * <pre>
 *   ingested/&lt;dataset&gt;/         every record read, standardised, with its quarantine reason
 *                               (null for accepted rows: those are the standardised data)
 *   quarantine/&lt;dataset&gt;/       the records that could not be read: file, line, reason, text
 *   quality/results/&lt;dataset&gt;/  rule results of the latest quality run
 *   quality/quarantine/&lt;dataset&gt;/ the rows quarantine rules set aside, with rule ids, reasons and
 *                               stored positions (datasets with quarantine rules only)
 *   quality/history/dataset=&lt;d&gt;/ every run's metrics, appended (partitioned Parquet)
 *   tables/egov/&lt;table&gt;/       published Iceberg tables: data/ and metadata/ ({@link TableCatalog})
 *   catalog.db                   the embedded Iceberg catalog of local warehouses (SQLite)
 *   exports/                     the summary tables as CSV and XLSX for spreadsheets
 *   runs/&lt;run&gt;/                manifest.json, egov.log (local warehouses)
 *   _state/&lt;stage&gt;.json         what the last run of each stage left, for the next stage
 * </pre>
 */
public final class Warehouse implements AutoCloseable {
  private final String root;
  private final Configuration hadoop;
  private final Map<String, String> catalogProperties;
  private TableCatalog catalog;

  /** A warehouse with its own catalog ({@link TableCatalog#properties}). */
  public Warehouse(String root, Configuration hadoop) {
    this(root, hadoop, Map.of());
  }

  /**
   * @param profileCatalog the profile's {@code catalog:} properties; empty: the warehouse's own
   */
  public Warehouse(String root, Configuration hadoop, Map<String, String> profileCatalog) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoop = hadoop;
    this.catalogProperties = TableCatalog.properties(this.root, profileCatalog);
  }

  /** The Iceberg catalog of the published tables, opened on first use. */
  public synchronized TableCatalog catalog() {
    if (catalog == null) {
      catalog = TableCatalog.open(catalogProperties, hadoop);
    }
    return catalog;
  }

  public Map<String, String> catalogProperties() {
    return catalogProperties;
  }

  /**
   * Whether anything was ever published here: a read-only command on a fresh warehouse says so
   * instead of creating an empty catalog.
   */
  public boolean hasCatalog() {
    String uri = catalogProperties.get("uri");
    if ("jdbc".equals(catalogProperties.get("type"))
        && uri != null
        && uri.startsWith("jdbc:sqlite:")) {
      return java.nio.file.Files.exists(
          java.nio.file.Path.of(uri.substring("jdbc:sqlite:".length())));
    }
    return true;
  }

  @Override
  public synchronized void close() {
    if (catalog != null) {
      catalog.close();
      catalog = null;
    }
  }

  public String root() {
    return root;
  }

  public String ingested(String dataset) {
    return root + "/ingested/" + dataset;
  }

  public String quarantine(String dataset) {
    return root + "/quarantine/" + dataset;
  }

  public String qualityResults(String dataset) {
    return root + "/quality/results/" + dataset;
  }

  public String qualityQuarantine(String dataset) {
    return root + "/quality/quarantine/" + dataset;
  }

  public String qualityHistory() {
    return root + "/quality/history";
  }

  /**
   * Where builds before 2026-12-03 wrote every checked row a second time, marked with its failed
   * rules (3 GB at 100M tickets); nothing reads it now, so the quality stage removes it.
   */
  public String retiredCheckedRows() {
    return root + "/quality/checked";
  }

  /** Deletes a folder left by an earlier run, if any. */
  public void delete(String path) {
    try {
      Path p = new Path(path);
      p.getFileSystem(hadoop).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Configuration hadoop() {
    return hadoop;
  }

  public String run(String runId) {
    return root + "/runs/" + runId;
  }

  /** The manifest of the run that wrote and published a set of snapshots. */
  public String manifest(String runId) {
    return run(runId) + "/manifest.json";
  }

  /**
   * Ids of the runs that left a folder under {@code runs/}, newest first (ids start with their
   * time).
   */
  public List<String> runsNewestFirst() {
    try {
      Path folder = new Path(root + "/runs");
      FileSystem fs = folder.getFileSystem(hadoop);
      if (!fs.exists(folder)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(folder))
          .filter(FileStatus::isDirectory)
          .map(s -> s.getPath().getName())
          .sorted(java.util.Comparator.reverseOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + "/runs", e);
    }
  }

  public String state(String stage) {
    return root + "/_state/" + stage + ".json";
  }

  public boolean exists(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InputStream open(String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(hadoop).open(p);
  }

  /**
   * Creates (or replaces) a file. On the local file system without Hadoop's checksum files: a
   * {@code .x.crc} beside every report and export only confuses the people who open the folder, and
   * a stale one left by an older writer is removed, since Hadoop would check the new file against
   * it.
   */
  public OutputStream create(String path) throws IOException {
    Path p = new Path(path);
    org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(hadoop);
    if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
      Path crc = local.getChecksumFile(p);
      if (local.getRawFileSystem().exists(crc)) {
        local.getRawFileSystem().delete(crc, false);
      }
      return local.getRawFileSystem().create(p, true);
    }
    return fs.create(p, true);
  }
}
