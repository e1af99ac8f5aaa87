package org.egovsuite.generate;

import java.util.List;
import java.util.Map;

/**
 * What {@code egov generate} wrote, saved as {@code _generation.json} next to the data: the
 * datasets with their files and the counts of records, lines and injected messiness (the figures
 * the ingest and quality stages must find again).
 */
public record GenerationReport(
    boolean synthetic, long seed, double scale, List<Integer> years, List<Dataset> datasets) {

  public record Dataset(
      String name, String format, String charset, int files, Map<String, Long> counts) {}

  public Dataset dataset(String name) {
    return datasets.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no generated dataset " + name));
  }
}
