package org.egovsuite.config;

import java.util.List;
import java.util.Map;

/**
 * A checklist index in the style of the UN LOSI: binary indicators (1 met, 0 not met) grouped in
 * criteria, index = weighted sum of indicators met, share = that sum / the sum of weights. Each
 * criterion gets its own share. A unit with any indicator blank is not assessed (null index), never
 * scored as if the blanks were "not met".
 *
 * @param inputs one dataset per period (the checklist of each survey)
 * @param carry input columns copied to the output (region, ...)
 * @param value which of the two figures the statistics rank and band: {@code index} (weighted sum)
 *     or {@code share}
 */
public record ChecklistIndicator(
    String name,
    Title title,
    String file,
    List<Input> inputs,
    String unit,
    String unitName,
    String period,
    List<String> carry,
    List<Criterion> criteria,
    String value,
    StatisticsConfig statistics)
    implements IndicatorDefinition {

  /**
   * @param unitFixes corrections of the unit code of rows matching all the given column values, for
   *     coding errors of one survey (documented in the indicator file)
   */
  /** Every input (one per period) names its units and carries the criteria's columns. */
  @Override
  public Map<String, java.util.Set<String>> namedInputColumns() {
    java.util.Set<String> columns = new java.util.LinkedHashSet<>(List.of(unit, unitName));
    columns.addAll(carry);
    criteria.forEach(c -> c.items().forEach(i -> columns.add(i.column())));
    Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
    inputs.forEach(i -> out.put(i.dataset(), columns));
    return out;
  }

  public record Input(String dataset, int period, List<UnitFix> unitFixes) {}

  public record UnitFix(Map<String, String> when, long unit, String why) {}

  public record Criterion(String name, Title title, List<Item> items) {}

  public record Item(String column, double weight) {}

  public List<Item> items() {
    return criteria.stream().flatMap(c -> c.items().stream()).toList();
  }
}
