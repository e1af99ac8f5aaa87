package org.egovsuite.spark;

import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Whether a stage generates code for its queries or evaluates them interpreted, chosen from the
 * bytes it is about to read. Spark compiles each query's stages with Janino and the JVM then
 * compiles those classes again: the bundled run generated 1,378 classes, 45 s of Janino alone, for
 * 2 MB of standardised data, and a run took an eighth less CPU without it (BENCHMARKS.md, "The
 * bundled run's CPU"). Below {@code spark.egov.interpretBelow} of input (16 MiB unless set; 0 keeps
 * code generation always) a stage runs with whole-stage code generation off and Spark's interpreted
 * expressions, its own fallback that computes the same values; above it, the session's settings
 * apply unchanged.
 */
final class Interpretation {
  static final String BELOW = "spark.egov.interpretBelow";
  static final String DEFAULT_BELOW = "16m";
  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  // Spark's switch between generated and interpreted expressions (an internal setting, the one
  // its own tests use to run every expression both ways).
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  private static final Logger LOG = LogManager.getLogger(Interpretation.class);

  private Interpretation() {}

  static Map<String, String> choose(SparkSession spark, long bytes, String what) {
    long below = spark.sparkContext().getConf().getSizeAsBytes(BELOW, DEFAULT_BELOW);
    if (bytes >= below) {
      return Map.of();
    }
    LOG.info(
        "queries interpreted for {} bytes of {} (below {} = {} bytes)", bytes, what, BELOW, below);
    return Map.of(WHOLE_STAGE, "false", FACTORY_MODE, "NO_CODEGEN");
  }
}
