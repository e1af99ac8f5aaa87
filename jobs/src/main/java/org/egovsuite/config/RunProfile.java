package org.egovsuite.config;

import java.util.List;
import java.util.Map;

/**
 * An environment profile, {@code conf/profiles/<name>.yaml}: where runs go and how Spark is set up
 * there (local machine, cluster). Any field may be absent (null / empty).
 *
 * @param inputs base URI for the relative {@code location}s of dataset definitions ({@code
 *     data/un-egdi/*.csv} → {@code <inputs>/data/un-egdi/*.csv}); null: the project home
 * @param spark Spark settings ({@code spark.executor.memory: 4g}, {@code fs.s3a.endpoint: …})
 * @param allowedLocations folders or URI prefixes outside the inputs base that dataset locations
 *     may name ({@code allowed_locations}); the inputs base (or the project home) is always allowed
 * @param catalog Iceberg catalog properties of the published tables ({@code catalog:}, e.g. {@code
 *     type: hive, uri: thrift://metastore:9083}); empty: the warehouse's own catalog
 */
public record RunProfile(
    String name,
    String file,
    String master,
    String warehouse,
    String inputs,
    Map<String, String> spark,
    List<String> allowedLocations,
    Map<String, String> catalog) {

  public RunProfile(
      String name,
      String file,
      String master,
      String warehouse,
      String inputs,
      Map<String, String> spark) {
    this(name, file, master, warehouse, inputs, spark, List.of(), Map.of());
  }
}
