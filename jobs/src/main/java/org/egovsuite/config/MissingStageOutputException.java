package org.egovsuite.config;

/** A stage was asked to run on a warehouse that lacks what an earlier stage leaves. */
public class MissingStageOutputException extends org.egovsuite.config.EgovException {
  public MissingStageOutputException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return org.egovsuite.config.ExitCodes.MISSING_STAGE_OUTPUT;
  }
}
