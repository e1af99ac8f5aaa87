package org.egovsuite.config;

/**
 * One indicator of {@code conf/indicators/<name>.yaml}. Its tables are named after it: {@code
 * <name>} (one row per unit and period) and {@code <name>_summary} (bands), plus the breakdowns its
 * statistics ask for ({@code <name>_group_means}, {@code <name>_correlation}). Not sealed: what
 * each kind reads and computes is registered with its record ({@code
 * org.egovsuite.indicators.kinds.IndicatorKinds}), which refuses an unregistered one.
 */
public interface IndicatorDefinition {
  String name();

  Title title();

  /** Column identifying a unit across periods. */
  String unit();

  /** Column with the unit's name as written in the input. */
  String unitName();

  String period();

  /** The file it was read from, for messages and lineage. */
  String file();

  /**
   * The columns it reads from each input (a dataset or an earlier indicator), where the definition
   * names them, so a dataset without them is refused when the pipeline loads; empty where the
   * kind's columns are not known before it runs (SQL, several inputs).
   */
  default java.util.Map<String, java.util.Set<String>> namedInputColumns() {
    return java.util.Map.of();
  }
}
