package org.egovsuite.cli;

import org.egovsuite.config.ConfigException;
import org.egovsuite.ingest.InputException;
import org.egovsuite.pipeline.MissingStageOutputException;
import org.egovsuite.pipeline.PublishValidationException;
import org.egovsuite.pipeline.QualityGateException;
import org.egovsuite.publish.WarehouseBusyException;

/** Maps a failure to its exit code and the message a person should see. */
final class Errors {
  private Errors() {}

  static int exitCode(Throwable error) {
    Throwable known = known(error);
    if (known instanceof ConfigException) {
      return ExitCodes.BAD_CONFIG;
    }
    if (known instanceof QualityGateException || known instanceof PublishValidationException) {
      return ExitCodes.QUALITY_GATE_FAILED;
    }
    if (known instanceof WarehouseBusyException) {
      return ExitCodes.WAREHOUSE_BUSY;
    }
    if (known instanceof InputException) {
      return ExitCodes.BAD_INPUT;
    }
    if (known instanceof MissingStageOutputException) {
      return ExitCodes.MISSING_STAGE_OUTPUT;
    }
    return ExitCodes.RUNTIME_FAILURE;
  }

  /**
   * Our own exceptions carry messages written for people; anything else (a Spark job failure
   * wraps the task's exception several times) is reported by its innermost cause.
   */
  static String message(Throwable error) {
    Throwable known = known(error);
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

  private static Throwable known(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConfigException || t instanceof QualityGateException || t instanceof PublishValidationException
          || t instanceof WarehouseBusyException || t instanceof InputException
          || t instanceof MissingStageOutputException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
