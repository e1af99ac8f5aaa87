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
   * reads, the synthetic tickets and the census they join.
   */
  public static final List<String> DATASETS =
      List.of(
          "un_egdi",
          "nbs_province",
          "cn_provinces",
          "province_service_scores",
          "census_city",
          "hotline_12345");

  public static final List<String> DEFINITIONS =
      List.of("province_economy", "province_capability", "hotline_12345_service");

  /** The input files of {@link #DATASETS}: 11 + 8 + 1 + 1 + 1 + 1. */
  public static final int INPUT_FILES = 23;

  /** What it publishes: the EGDI tables, those of the three definitions, the dictionary. */
  public static final List<String> TABLES =
      List.of(
          "egdi_country",
          "egdi_summary",
          "province_economy",
          "province_capability",
          "province_capability_summary",
          "province_capability_group_means",
          "province_capability_correlation",
          "province_capability_dimension_means",
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
