package org.egovsuite.config;

import java.util.List;
import java.util.Optional;

/**
 * The four dimensions of provincial online-service capability derived from an item-level service
 * catalogue, per unit and period (all on 0–100):
 *
 * <ul>
 *   <li>{@code coverage} = 100 × items offered online / items catalogued
 *   <li>{@code completeness} = 100 × mean over items of channels offered / channels listed
 *   <li>{@code guide_accuracy} = 100 × mean over items of guide fields present and well formed /
 *       guide fields listed (a field is well formed when non-blank and, if it has a pattern,
 *       matching it)
 *   <li>{@code interactivity} = 100 × mean over items of interactive features offered / features
 *       listed
 * </ul>
 *
 * A composite indicator reads the resulting table like a published score table.
 *
 * @param online column that is 1 when the item can be handled online
 * @param channels 0/1 columns, one per channel (web, app, mini-program, hall)
 * @param interactions 0/1 columns, one per feature (online application, progress tracking, …)
 */
public record ServiceCatalogueIndicator(
    String name,
    Title title,
    String file,
    String dataset,
    String unit,
    String unitName,
    String period,
    String item,
    String online,
    List<String> channels,
    List<GuideField> guideFields,
    List<String> interactions)
    implements IndicatorDefinition {

  /**
   * A required field of the service guide and, optionally, the regex a well-formed value matches.
   */
  @Override
  public java.util.Map<String, java.util.Set<String>> namedInputColumns() {
    java.util.Set<String> columns =
        new java.util.LinkedHashSet<>(List.of(unit, unitName, period, item, online));
    columns.addAll(channels);
    guideFields.forEach(g -> columns.add(g.column()));
    return java.util.Map.of(dataset, columns);
  }

  public record GuideField(String column, String pattern) {
    public Optional<String> regex() {
      return Optional.ofNullable(pattern);
    }
  }
}
