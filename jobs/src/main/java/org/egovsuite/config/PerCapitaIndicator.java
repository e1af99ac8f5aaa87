package org.egovsuite.config;

import java.util.List;

/**
 * A ratio of two indicators of a long-form dataset, per unit and period: e.g. GDP (亿元) / year-end
 * resident population (万人) → GDP per capita in yuan. Each side is selected by its value in the
 * dataset's indicator column and scaled to base units by its factor.
 */
public record PerCapitaIndicator(
    String name,
    Title title,
    String file,
    String dataset,
    String unit,
    String unitName,
    String period,
    String indicatorColumn,
    Side numerator,
    Side denominator,
    String column,
    String columnUnit)
    implements IndicatorDefinition {

  @Override
  public java.util.Map<String, java.util.Set<String>> namedInputColumns() {
    return java.util.Map.of(
        dataset, new java.util.LinkedHashSet<>(List.of(unit, unitName, period, indicatorColumn)));
  }

  /**
   * @param column output column of this side's value (in the source unit)
   */
  public record Side(String indicator, double factor, String column, String unit, Title title) {}
}
