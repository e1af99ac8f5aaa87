package org.egovsuite.publish;

/** A table failed its publish audit; main of every table stays where it was. */
public final class PublishValidationException extends org.egovsuite.config.EgovException {
  public PublishValidationException(String message) {
    super("not published: " + message);
  }

  @Override
  public int exitCode() {
    return org.egovsuite.config.ExitCodes.QUALITY_GATE_FAILED;
  }
}
