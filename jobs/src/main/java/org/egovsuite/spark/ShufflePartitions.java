package org.egovsuite.spark;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The shuffle partitions of a stage, chosen from the bytes it is about to read: one per {@code
 * spark.sql.adaptive.advisoryPartitionSizeInBytes} (Spark's own target size of a partition, 64 MiB
 * by default), at least one per core ({@code spark.default.parallelism}) and at most the count the
 * session started with (the profile's: 8 on one machine, 200 on a cluster). A fixed count suits
 * only one size: on the bundled data (~15 MB) the default run's 37 small tables each shuffled into
 * 8 partitions, then wrote 8 files and read them back with 8 tasks, a third of the run's tasks
 * (BENCHMARKS.md, "Cuts"). AQE coalesces the reading side of a shuffle only; the writing side and
 * the files stay at the configured count. Applied by {@link SizedStage}.
 */
public final class ShufflePartitions {
  static final String KEY = "spark.sql.shuffle.partitions";
  private static final String ADVISORY = "spark.sql.adaptive.advisoryPartitionSizeInBytes";
  private static final Logger LOG = LogManager.getLogger(ShufflePartitions.class);

  private ShufflePartitions() {}

  static int choose(SparkSession spark, long bytes, String what) {
    int configured = spark.sparkContext().getConf().getInt(KEY, 200);
    int cores = spark.sparkContext().defaultParallelism();
    long perPartition = JavaUtils.byteStringAsBytes(spark.conf().get(ADVISORY, "64m"));
    int chosen = forBytes(bytes, perPartition, cores, configured);
    LOG.info(
        "{} shuffle partition(s) for {} bytes of {} (one per {} bytes, at least {}, at most {})",
        chosen,
        bytes,
        what,
        perPartition,
        cores,
        configured);
    return chosen;
  }

  /**
   * At least one partition per core, so small stages still use every core (and an approximate
   * aggregate such as percentile_approx merges the same partial summaries as before this choice was
   * made, at the same core count), never more than configured.
   */
  static int forBytes(long bytes, long perPartition, int cores, int configured) {
    long wanted = (bytes + perPartition - 1) / perPartition;
    return (int) Math.min(configured, Math.max(Math.max(1, cores), wanted));
  }
}
