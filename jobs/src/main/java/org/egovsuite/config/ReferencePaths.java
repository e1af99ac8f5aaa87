package org.egovsuite.config;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Reference tables for standardisation ({@code reference:} in the pipeline config).
 *
 * @param divisions folder of the NBS division table (provinces.csv, cities.csv)
 * @param divisionsConfig extra units and aliases for divisions
 * @param countries UN country names with ISO codes
 */
public record ReferencePaths(Path divisions, Path divisionsConfig, Path countries)
    implements Serializable {

  public static ReferencePaths defaults(Path home) {
    return new ReferencePaths(
        home.resolve("data/cn-admin-divisions"),
        home.resolve("conf/reference/cn_divisions.yaml"),
        home.resolve("conf/reference/countries.csv"));
  }
}
