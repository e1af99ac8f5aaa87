package org.egovsuite.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The versions of one published table, {@code <warehouse>/tables/<table>/}:
 *
 * <pre>
 *   CURRENT                  one line, the version readers get (e.g. v000004)
 *   v000004/                 a complete version: part-*.parquet, _lineage.json (never changed
 *                            after it is renamed into place)
 *   v000003/                 earlier versions kept for rollback
 *   _staging/&lt;run&gt;/          a version being written (a crash leaves it, and maybe a complete
 *                            version never switched to: the next publish deletes both)
 * </pre>
 *
 * Readers resolve {@code CURRENT} (the catalog, {@code bin/egov sql}, the notebooks, the DuckDB
 * views all do), so switching a table is the replacement of one small file by a rename, atomic
 * on POSIX file systems and HDFS: a reader sees the old version or the new one, never a mix.
 * (Iceberg's file-system catalog uses the same pointer, {@code version-hint.text}; Iceberg itself
 * is not used because analysts read these tables with plain Parquet readers.)
 */
public final class TableVersions {
  public static final String POINTER = "CURRENT";
  public static final String LINEAGE = "_lineage.json";
  private static final String STAGING = "_staging";
  private static final String PREFIX = "v";

  private final Path root;
  private final Configuration hadoop;

  public TableVersions(String tableRoot, Configuration hadoop) {
    this.root = new Path(tableRoot);
    this.hadoop = hadoop;
  }

  public String root() {
    return root.toString();
  }

  public String name() {
    return root.getName();
  }

  /** The version readers get, if the table was ever published. */
  public Optional<String> current() {
    try {
      FileSystem fs = fs();
      Path pointer = new Path(root, POINTER);
      if (!fs.exists(pointer)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(pointer)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version pointer of " + root, e);
    }
  }

  /** The folder of the current version; the error names the table when there is none. */
  public String currentPath() {
    return path(current().orElseThrow(() -> new IllegalStateException("table " + name()
        + " has no published version (" + new Path(root, POINTER) + " is missing)")));
  }

  public String path(String version) {
    return new Path(root, version).toString();
  }

  /** Complete versions, oldest first. */
  public List<String> versions() {
    try {
      FileSystem fs = fs();
      if (!fs.exists(root)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(root)).filter(FileStatus::isDirectory).map(s -> s.getPath().getName())
          .filter(n -> n.matches(PREFIX + "\\d{6}")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the versions of " + root, e);
    }
  }

  /** The name the next version gets: one more than any version present (also after a rollback). */
  public String nextVersion() {
    List<String> all = versions();
    int last = all.isEmpty() ? 0 : Integer.parseInt(all.get(all.size() - 1).substring(PREFIX.length()));
    return String.format("%s%06d", PREFIX, last + 1);
  }

  /** A fresh folder to write a version into, away from readers. */
  public String staging(String runId) {
    Path path = new Path(new Path(root, STAGING), runId);
    try {
      fs().delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path.toString();
  }

  /** Moves a complete staged version to its final name (one directory rename). */
  public void commit(String staged, String version) {
    Path target = new Path(root, version);
    try {
      if (fs().exists(target) || !fs().rename(new Path(staged), target)) {
        throw new IOException("cannot rename " + staged + " to " + target);
      }
      Path staging = new Path(root, STAGING);
      if (fs().exists(staging) && fs().listStatus(staging).length == 0) {
        fs().delete(staging, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points readers at {@code version}: one atomic replacement of the pointer file. */
  public void switchTo(String version) {
    if (!versions().contains(version)) {
      throw new IllegalStateException("table " + name() + " has no version " + version);
    }
    AtomicFile.write(new Path(root, POINTER).toString(), version + "\n", hadoop);
  }

  /** The newest version older than the current one: what a rollback returns to. */
  public Optional<String> previous() {
    String now = current().orElse(null);
    List<String> older = new ArrayList<>(versions().stream().filter(v -> now == null || v.compareTo(now) < 0).toList());
    return older.isEmpty() ? Optional.empty() : Optional.of(older.get(older.size() - 1));
  }

  /**
   * Deletes what is ahead of the current version before a new one is written: a crash's
   * leftovers in staging and versions never switched to, or versions a rollback left. Versions
   * form one line like commits on a branch; the pointer is its head.
   */
  public List<String> discardAhead() {
    List<String> removed = new ArrayList<>();
    try {
      fs().delete(new Path(root, STAGING), true);
      String now = current().orElse("");
      for (String version : versions()) {
        if (version.compareTo(now) > 0 && fs().delete(new Path(root, version), true)) {
          removed.add(version);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + root, e);
    }
    return removed;
  }

  /** Deletes versions before the newest {@code keep} up to the current one. */
  public List<String> prune(int keep) {
    List<String> removed = new ArrayList<>();
    try {
      String now = current().orElse("");
      List<String> older = versions().stream().filter(v -> v.compareTo(now) < 0).toList();
      for (int i = 0; i < older.size() - (keep - 1); i++) {
        if (fs().delete(new Path(root, older.get(i)), true)) {
          removed.add(older.get(i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune the old versions of " + root, e);
    }
    return removed;
  }

  private FileSystem fs() throws IOException {
    return root.getFileSystem(hadoop);
  }
}
