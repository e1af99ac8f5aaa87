package org.egovsuite.pipeline;

/** A stage was asked to run on a warehouse that lacks what an earlier stage leaves. */
public class MissingStageOutputException extends RuntimeException {
  public MissingStageOutputException(String message) {
    super(message);
  }
}
