package org.egovsuite.spark;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * A stage run with the session settings its input's size calls for — its shuffle partitions ({@link
 * ShufflePartitions}) and whether to generate code at all ({@link Interpretation}) — then with the
 * session's own settings given back (a test JVM's one session outlives the run). The size is known
 * only at run time, from the files the stage is about to read, so no profile could fix these for
 * every run.
 */
public final class SizedStage {
  private static final Logger LOG = LogManager.getLogger(SizedStage.class);

  private SizedStage() {}

  /**
   * Below how many bytes of input a stage counts as small ({@code spark.egov.interpretBelow}, 16
   * MiB unless set), read from the settings before any session exists: the launcher's choice of JIT
   * compilers uses the same limit as the stages' choice of interpreted queries.
   */
  public static long smallBelow(Map<String, String> sparkSettings) {
    return org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
        sparkSettings.getOrDefault(Interpretation.BELOW, Interpretation.DEFAULT_BELOW));
  }

  public static <T> T run(long bytes, String what, SparkSession spark, Supplier<T> work) {
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put(
        ShufflePartitions.KEY, Integer.toString(ShufflePartitions.choose(spark, bytes, what)));
    chosen.putAll(Interpretation.choose(spark, bytes, what));
    Map<String, Option<String>> before = new LinkedHashMap<>();
    chosen.forEach(
        (key, value) -> {
          before.put(key, spark.conf().getOption(key));
          spark.conf().set(key, value);
        });
    try {
      return work.get();
    } finally {
      before.forEach(
          (key, value) -> {
            if (value.isDefined()) {
              spark.conf().set(key, value.get());
            } else {
              spark.conf().unset(key);
            }
          });
    }
  }

  /**
   * Bytes under the given paths or globs, any Hadoop file system; a location that does not exist
   * counts 0 here and is reported by the stage that reads it, with its dataset's name.
   */
  public static long bytesUnder(Collection<String> locations, Configuration hadoop) {
    long total = 0;
    for (String location : locations) {
      Path pattern = new Path(location);
      try {
        FileSystem fs = pattern.getFileSystem(hadoop);
        FileStatus[] matches = fs.globStatus(pattern);
        if (matches != null) {
          for (FileStatus match : matches) {
            total += fs.getContentSummary(match.getPath()).getLength();
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        LOG.debug("not counted: {}: {}", location, e.getMessage());
      }
    }
    return total;
  }
}
