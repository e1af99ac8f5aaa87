package org.egovsuite.pipeline;

/** A staged table version failed its checks; nothing of the publish was switched. */
public final class PublishValidationException extends RuntimeException {
  public PublishValidationException(String message) {
    super("not published: " + message);
  }
}
