package org.egovsuite.config;

import java.util.List;

/**
 * A composite index built the UN way (E-Government Survey methodology): each sub-indicator is
 * turned into a z-score across the units of the period (sign flipped where lower is better), a
 * sub-index is the weighted mean of its z-scores min–max scaled to [0, 1], and the composite is the
 * weighted mean of the sub-indices. Units are those of a lookup table (the configured universe,
 * e.g. the 337 prefecture-level cities) crossed with the periods found in the sources; a unit
 * lacking any sub-indicator (not {@code missing: zero}) is not assessed and gets no index.
 *
 * @param unitsLookup CSV file listing the units, with columns {@code unit} and {@code unitName}
 */
public record NormalisedCompositeIndicator(
    String name,
    Title title,
    String file,
    String unitsLookup,
    String unit,
    String unitName,
    String period,
    List<SubIndex> subIndices,
    String column,
    StatisticsConfig statistics)
    implements IndicatorDefinition {

  /**
   * One sub-index (infrastructure readiness, online services, …) and its weight in the composite.
   */
  public record SubIndex(String name, Title title, double weight, List<SubIndicator> indicators) {}

  /**
   * Sub-indicator {@code column} of dataset or table {@code source} (joined on the unit and period
   * columns), written to the unit table as {@code name}.
   *
   * @param lowerIsBetter hours to close: fewer is better, so the z-score's sign is flipped
   * @param missingIsZero a unit with no row in the source scores 0 (a count) instead of being left
   *     unassessed
   */
  @Override
  public java.util.Map<String, java.util.Set<String>> namedInputColumns() {
    java.util.Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
    subIndices()
        .forEach(
            s ->
                s.indicators()
                    .forEach(
                        i ->
                            out.computeIfAbsent(i.source(), k -> new java.util.LinkedHashSet<>())
                                .add(i.column())));
    return out;
  }

  public record SubIndicator(
      String name,
      String source,
      String column,
      double weight,
      boolean lowerIsBetter,
      boolean missingIsZero,
      String unitOfMeasure,
      Title title) {}

  public static final String ASSESSED = "assessed";
}
