package org.egovsuite.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for work started on other threads, with its own exception, not a CompletionException
 * wrapping it.
 */
public final class Futures {
  private Futures() {}

  /**
   * The future's value; a failure is rethrown as what the work threw (a {@code ConfigException}
   * keeps its exit code), wrapped only when it was a checked exception.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
