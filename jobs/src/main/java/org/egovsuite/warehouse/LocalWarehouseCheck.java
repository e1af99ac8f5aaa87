package org.egovsuite.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A local warehouse that cannot be written (read-only, a file where its folder should be) is found
 * in the first second, before Spark starts and before the run's log is opened there: otherwise a
 * run works for a minute and then fails in hundreds of log lines. Remote warehouses (hdfs://,
 * s3a://) are checked by their file system when first written.
 */
public final class LocalWarehouseCheck {
  private LocalWarehouseCheck() {}

  /** A path or file: URI on this machine, not hdfs:// or another remote file system. */
  public static boolean isLocal(String warehouse) {
    return !warehouse.contains("://") || warehouse.startsWith("file:");
  }

  /** The local folder of a local warehouse. */
  public static Path localPath(String warehouse) {
    return Paths.get(warehouse.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize();
  }

  /**
   * @throws WarehouseAccessException naming the path and what is in the way
   */
  public static void requireWritable(String warehouse) {
    if (!isLocal(warehouse)) {
      return;
    }
    Path root = localPath(warehouse);
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new WarehouseAccessException(
              "warehouse "
                  + root
                  + " cannot be written: "
                  + p
                  + " is a file, not a folder; choose another with --warehouse");
        }
        break;
      }
    }
    try {
      Path runs = Files.createDirectories(root.resolve("runs"));
      Files.delete(Files.createTempFile(runs, ".write-check", ""));
    } catch (IOException | SecurityException e) {
      throw new WarehouseAccessException(
          "warehouse "
              + root
              + " cannot be written: "
              + reason(e)
              + "; choose another with --warehouse");
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied on " + a.getFile();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
