package org.egovsuite.config;

/**
 * A failure the suite foresaw, with a message written for people and the exit code of {@code
 * bin/egov} it means ({@link ExitCodes}). Anything else is an unexpected failure (exit 1), reported
 * by its innermost cause.
 */
public abstract class EgovException extends RuntimeException {
  protected EgovException(String message) {
    super(message);
  }

  protected EgovException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract int exitCode();
}
