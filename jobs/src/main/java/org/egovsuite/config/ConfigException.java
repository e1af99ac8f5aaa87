package org.egovsuite.config;

/**
 * A definition or rule file is wrong. The message is one line that names the file (and line and key
 * where known) and what was expected; the CLI prints it as is and exits with {@code
 * ExitCodes.BAD_CONFIG}.
 */
public class ConfigException extends EgovException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.BAD_CONFIG;
  }
}
