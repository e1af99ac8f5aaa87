package org.egovsuite.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Sends Spark's and Hadoop's log output to the run's log file (see {@code log4j2.xml}); the console
 * shows only the CLI's own lines.
 */
final class Logging {
  static final String LOG_FILE_PROPERTY = "egov.log.file";

  private Logging() {}

  /**
   * The log of a run whose warehouse is not known yet (its config failed to load, or the warehouse
   * cannot be written): {@code <temp>/egov-<run>.log}. Not a fixed file: one user's file would lock
   * out the next user's run.
   */
  static String fallbackFile(String runId) {
    String file =
        java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"), "egov-" + runId + ".log")
            .toString();
    toFile(file);
    return file;
  }

  /** Makes sure a log file named on the console exists (log4j creates it only when written). */
  static void touch(String file) {
    try {
      java.nio.file.Path path = java.nio.file.Paths.get(file);
      java.nio.file.Files.createDirectories(path.getParent());
      if (!java.nio.file.Files.exists(path)) {
        java.nio.file.Files.createFile(path);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Logging is best effort: the console still says what went wrong.
    }
  }

  /** Deletes a log no one needs; later lines (Spark's shutdown) go to the deleted file. */
  static void discard(String file) {
    try {
      java.nio.file.Files.deleteIfExists(java.nio.file.Paths.get(file));
    } catch (java.io.IOException | RuntimeException e) {
      // Best effort, as above: a left file is only untidy.
    }
  }

  static void toFile(String file) {
    System.setProperty(LOG_FILE_PROPERTY, file);
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }
}
