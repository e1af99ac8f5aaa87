package org.egovsuite.pipeline;

/** An error-severity rule failed; nothing that depends on the dataset may be published. */
public class QualityGateException extends RuntimeException {
  public QualityGateException(String message) {
    super(message);
  }
}
