package org.egovsuite.ingest;

/**
 * A whole input file is unusable (missing, empty, header without a mapped column). The message
 * names the file and what was expected; the CLI exits with {@code ExitCodes.BAD_INPUT}.
 */
public class InputException extends org.egovsuite.config.EgovException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return org.egovsuite.config.ExitCodes.BAD_INPUT;
  }
}
