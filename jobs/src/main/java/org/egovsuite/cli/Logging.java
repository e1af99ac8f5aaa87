package org.egovsuite.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Sends Spark's and Hadoop's log output to the run's log file (see {@code log4j2.xml}); the
 * console shows only the CLI's own lines.
 */
final class Logging {
  static final String LOG_FILE_PROPERTY = "egov.log.file";

  private Logging() {}

  static void toFile(String file) {
    System.setProperty(LOG_FILE_PROPERTY, file);
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }
}
