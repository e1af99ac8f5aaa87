package org.egovsuite.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs one stage's work for every dataset (or ingest's checksums for every file), a few at a time
 * ({@link #PARALLELISM}; the indicator stage uses the same number of threads for its dependency
 * graph, the publish stage for staging its tables). Small datasets spend most of their time in the
 * latency of short Spark jobs, so running them side by side shortens a run; Spark schedules the
 * concurrent jobs on the same executors. Results keep the config's order, and the first failure (in
 * that order) is rethrown as is.
 */
public final class PerDataset {
  /** Datasets processed at once. */
  public static final int PARALLELISM = 4;

  private PerDataset() {}

  public static <I, T> List<T> run(List<I> datasets, Function<I, T> work) {
    return run(datasets, d -> 0L, work);
  }

  /**
   * As {@link #run(List, Function)}, starting the heaviest datasets first (by {@code size}, e.g.
   * bytes or rows; ties keep the config's order). The longest work started last would run alone at
   * the end while the other threads idle: at 100M tickets the hotline dataset, 13th in the config,
   * began its quality check 15 s into the stage, after twelve small datasets (BENCHMARKS.md).
   * Results still keep the config's order.
   */
  public static <I, T> List<T> run(List<I> datasets, ToLongFunction<I> size, Function<I, T> work) {
    long[] sizes = datasets.stream().mapToLong(size).toArray();
    List<Integer> order =
        IntStream.range(0, datasets.size())
            .boxed()
            .sorted(Comparator.comparingLong((Integer i) -> sizes[i]).reversed())
            .toList();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(PARALLELISM, Math.max(1, datasets.size())));
    try {
      List<Future<T>> futures = new ArrayList<>(Collections.nCopies(sizes.length, null));
      for (int i : order) {
        I d = datasets.get(i);
        futures.set(i, pool.submit(() -> work.apply(d)));
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
