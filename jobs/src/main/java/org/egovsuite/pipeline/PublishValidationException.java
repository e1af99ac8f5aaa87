package org.egovsuite.pipeline;

/** A table failed its publish audit; main of every table stays where it was. */
public final class PublishValidationException extends RuntimeException {
  public PublishValidationException(String message) {
    super("not published: " + message);
  }
}
