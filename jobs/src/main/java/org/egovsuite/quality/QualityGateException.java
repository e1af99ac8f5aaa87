package org.egovsuite.quality;

/** An error-severity rule failed; nothing that depends on the dataset may be published. */
public class QualityGateException extends org.egovsuite.config.EgovException {
  public QualityGateException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return org.egovsuite.config.ExitCodes.QUALITY_GATE_FAILED;
  }
}
