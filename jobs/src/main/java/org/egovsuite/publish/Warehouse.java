package org.egovsuite.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder every stage reads from and writes to (a local path or any Hadoop URI), and its
 * layout:
 *
 * <pre>
 *   ingested/&lt;dataset&gt;/         every record read, standardised, with its quarantine reason
 *                               (null for accepted rows: those are the standardised data)
 *   quarantine/&lt;dataset&gt;/       the records that could not be read: file, line, reason, text
 *   quality/results/&lt;dataset&gt;/  rule results of the latest quality run
 *   quality/checked/&lt;dataset&gt;/  the standardised rows marked with the quarantine rules they fail
 *                               (only for datasets with quarantine rules)
 *   quality/quarantine/&lt;dataset&gt;/ the rows quarantine rules set aside, with rule ids and reasons
 *   quality/history/dataset=&lt;d&gt;/ every run's metrics, appended (partitioned Parquet)
 *   work/&lt;run&gt;/&lt;table&gt;/       indicator tables before publishing
 *   tables/&lt;table&gt;/            published tables: versions and the CURRENT pointer ({@link TableVersions})
 *   tables/views.sql             DuckDB views of the current versions ({@link DuckDbViews})
 *   _catalog/                    the embedded metastore of local warehouses ({@link CatalogSettings})
 *   runs/&lt;run&gt;/                manifest.json, egov.log (local warehouses)
 *   _state/&lt;stage&gt;.json         what the last run of each stage left, for the next stage
 * </pre>
 */
public final class Warehouse {
  private final String root;
  private final Configuration hadoop;

  public Warehouse(String root, Configuration hadoop) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoop = hadoop;
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

  public String qualityChecked(String dataset) {
    return root + "/quality/checked/" + dataset;
  }

  public String qualityQuarantine(String dataset) {
    return root + "/quality/quarantine/" + dataset;
  }

  public String qualityHistory() {
    return root + "/quality/history";
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

  public String work(String runId, String table) {
    return root + "/work/" + runId + "/" + table;
  }

  public String tables() {
    return root + "/tables";
  }

  /** The versions of a published table (readers want {@code versions(t).currentPath()}). */
  public TableVersions versions(String table) {
    return new TableVersions(tables() + "/" + table, hadoop);
  }

  /** Every table folder under {@code tables/}, by name. */
  public List<TableVersions> publishedTables() {
    try {
      Path folder = new Path(tables());
      FileSystem fs = folder.getFileSystem(hadoop);
      if (!fs.exists(folder)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(folder)).filter(FileStatus::isDirectory)
          .map(s -> s.getPath().getName()).filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted()
          .map(this::versions).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tables(), e);
    }
  }

  public Configuration hadoop() {
    return hadoop;
  }

  public String run(String runId) {
    return root + "/runs/" + runId;
  }

  /** Ids of the runs that left a folder under {@code runs/}, newest first (ids start with their time). */
  public List<String> runsNewestFirst() {
    try {
      Path folder = new Path(root + "/runs");
      FileSystem fs = folder.getFileSystem(hadoop);
      if (!fs.exists(folder)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(folder)).filter(FileStatus::isDirectory).map(s -> s.getPath().getName())
          .sorted(java.util.Comparator.reverseOrder()).toList();
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

  public OutputStream create(String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(hadoop).create(p, true);
  }

}
