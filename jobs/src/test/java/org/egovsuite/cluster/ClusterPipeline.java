package org.egovsuite.cluster;

import java.nio.file.Path;
import java.util.List;
import org.egovsuite.testing.Projects;

/**
 * The part of the default pipeline the cluster tests run: enough to exercise what a cluster changes
 * (multi-file and GBK inputs, joins and shuffles, quarantine, Iceberg commits) in a fraction of the
 * whole pipeline's time, which the bundled-run tests already cover locally.
 */
public final class ClusterPipeline {
  /**
   * UN EGDI (11 files), NBS provinces (8 GBK files) and the province list their reference rule
   * reads, the synthetic tickets and the census they join. (The 2015 province scores and their five
   * tables were dropped from the part: the same kinds of job as the others, ~20% of its time;
   * BENCHMARKS.md, "The test suite's time".)
   */
  public static final List<String> DATASETS =
      List.of("un_egdi", "nbs_province", "cn_provinces", "census_city", "hotline_12345");

  public static final List<String> DEFINITIONS =
      List.of("province_economy", "hotline_12345_service");

  /** The input files of {@link #DATASETS}: 11 + 8 + 1 + 1 + 1. */
  public static final int INPUT_FILES = 22;

  /** What it publishes: the EGDI tables, those of the two definitions, the dictionary. */
  public static final List<String> TABLES =
      List.of(
          "egdi_country",
          "egdi_summary",
          "province_economy",
          "hotline_12345_service",
          "hotline_12345_service_by_channel",
          "hotline_12345_service_by_category",
          "data_dictionary");

  private ClusterPipeline() {}

  /** A project home under {@code dir} whose conf/pipeline.yaml is this part. */
  public static Path home(Path dir) {
    return Projects.copyConfig(dir, DATASETS, DEFINITIONS);
  }
}
