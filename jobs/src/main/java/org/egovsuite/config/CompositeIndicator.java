package org.egovsuite.config;

import java.util.List;
import java.util.Optional;

/**
 * A composite index from dimension scores: composite = Σ weight × dimension. A supplied (published)
 * composite is either checked against the weights by a generated quality rule within {@code
 * tolerance}, or — when {@code authoritative} — used as the index instead.
 *
 * @param unit column identifying a unit across periods (a division code)
 * @param unitName column with the unit's name as written in the input
 */
public record CompositeIndicator(
    String name,
    Title title,
    String file,
    String dataset,
    String unit,
    String unitName,
    String period,
    List<Dimension> dimensions,
    Composite composite,
    StatisticsConfig statistics)
    implements IndicatorDefinition {

  @Override
  public java.util.Map<String, java.util.Set<String>> namedInputColumns() {
    java.util.Set<String> columns = new java.util.LinkedHashSet<>(List.of(unit, unitName, period));
    dimensions.forEach(d -> columns.add(d.column()));
    composite.suppliedColumn().ifPresent(columns::add);
    return java.util.Map.of(dataset, columns);
  }

  /** A sub-index: its column in the input, its weight, unit of measure and meaning. */
  public record Dimension(String column, double weight, String unit, Title title) {}

  /**
   * @param column name of the index column in the output
   * @param supplied the input column holding a published composite, if any
   */
  public record Composite(String column, String supplied, double tolerance, boolean authoritative) {
    public Optional<String> suppliedColumn() {
      return Optional.ofNullable(supplied);
    }
  }
}
