package org.egovsuite.spark;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a piece of work runs, by giving it a job group of its own and listening for
 * job starts in that group. Spark delivers listener events asynchronously, so the count is read
 * after the listener bus has drained.
 */
public final class JobCounter extends SparkListener {
  private static final Map<SparkContext, JobCounter> COUNTERS = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> jobsByGroup = new ConcurrentHashMap<>();

  /** The result of the work and the number of Spark jobs it ran. */
  public record Counted<T>(T value, int jobs) {}

  public static <T> Counted<T> count(SparkContext sc, String description, Supplier<T> work) {
    JobCounter counter =
        COUNTERS.computeIfAbsent(
            sc,
            c -> {
              JobCounter listener = new JobCounter();
              c.addSparkListener(listener);
              return listener;
            });
    String group = description + "#" + UUID.randomUUID();
    counter.jobsByGroup.put(group, new AtomicInteger());
    try {
      T value = JobGroups.in(sc, group, description, work);
      // private[spark] in Scala, public in bytecode: the only way to know every job-start event
      // of the work has reached the listener.
      try {
        sc.listenerBus().waitUntilEmpty(60_000);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("Spark's listener bus did not drain in 60 s", e);
      }
      return new Counted<>(value, counter.jobsByGroup.remove(group).get());
    } finally {
      counter.jobsByGroup.remove(group);
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    String group =
        jobStart.properties() == null
            ? null
            : jobStart.properties().getProperty("spark.jobGroup.id");
    if (group != null) {
      AtomicInteger count = jobsByGroup.get(group);
      if (count != null) {
        count.incrementAndGet();
      }
    }
  }
}
