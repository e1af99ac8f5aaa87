package org.egovsuite.cli;

import org.egovsuite.config.EgovException;
import org.egovsuite.config.ExitCodes;

/** Maps a failure to its exit code and the message a person should see. */
final class Errors {
  private Errors() {}

  /** The code a foreseen failure carries ({@link EgovException#exitCode}); 1 for anything else. */
  static int exitCode(Throwable error) {
    EgovException known = known(error);
    return known != null ? known.exitCode() : ExitCodes.RUNTIME_FAILURE;
  }

  /**
   * Our own exceptions carry messages written for people; anything else (a Spark job failure wraps
   * the task's exception several times) is reported by its innermost cause.
   */
  static String message(Throwable error) {
    EgovException known = known(error);
    if (known != null) {
      return known.getMessage();
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.lines().findFirst().orElse(text);
  }

  /**
   * The outermost foreseen failure in the cause chain (Spark wraps a task's exception in its own).
   */
  private static EgovException known(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EgovException e) {
        return e;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
