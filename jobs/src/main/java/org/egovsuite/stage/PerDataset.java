package org.egovsuite.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one stage's work for every dataset, a few at a time ({@link #PARALLELISM}; the indicator
 * stage uses the same number of threads for its dependency graph, the publish stage for staging its
 * tables). Small datasets spend most of their time in the latency of short Spark jobs, so running
 * them side by side shortens a run; Spark schedules the concurrent jobs on the same executors.
 * Results keep the config's order, and the first failure (in that order) is rethrown as is.
 */
public final class PerDataset {
  /** Datasets processed at once. */
  public static final int PARALLELISM = 4;

  private PerDataset() {}

  public static <I, T> List<T> run(List<I> datasets, Function<I, T> work) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(PARALLELISM, Math.max(1, datasets.size())));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (I d : datasets) {
        futures.add(pool.submit(() -> work.apply(d)));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
