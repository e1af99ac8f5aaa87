package org.egovsuite.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Runs work in a Spark job group and gives the thread back the group it had, as Iceberg's {@code
 * JobGroupUtils} does: {@code clearJobGroup} would also wipe a caller's group (a command counting
 * its jobs, a scheduler's tag) for every job the thread runs afterwards.
 */
public final class JobGroups {
  private static final String GROUP = "spark.jobGroup.id";
  private static final String DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT = "spark.job.interruptOnCancel";

  private JobGroups() {}

  public static <T> T in(SparkContext sc, String group, String description, Supplier<T> work) {
    String previousGroup = sc.getLocalProperty(GROUP);
    String previousDescription = sc.getLocalProperty(DESCRIPTION);
    String previousInterrupt = sc.getLocalProperty(INTERRUPT);
    sc.setJobGroup(group, description, false);
    try {
      return work.get();
    } finally {
      sc.setLocalProperty(GROUP, previousGroup);
      sc.setLocalProperty(DESCRIPTION, previousDescription);
      sc.setLocalProperty(INTERRUPT, previousInterrupt);
    }
  }

  public static void run(SparkContext sc, String group, String description, Runnable work) {
    in(
        sc,
        group,
        description,
        () -> {
          work.run();
          return null;
        });
  }
}
