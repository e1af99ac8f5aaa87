package org.egovsuite.config;

import java.io.Serializable;
import java.util.List;

/**
 * One mapped column: the header text in the source file and the canonical snake_case name and type
 * it becomes.
 *
 * @param formats date/time patterns tried in order (java.time syntax), for date and timestamp
 * @param units unit suffixes accepted after a number (万, 亿, %, ‰); the suffix found is kept in
 *     {@code <name>_unit} and the value is scaled to base units
 * @param allowNonFinite a double column may hold infinities and NaN (a number past the range of a
 *     double becomes infinite); otherwise such a cell is quarantined
 */
public record ColumnSpec(
    String source,
    String name,
    ColumnType type,
    List<String> formats,
    List<String> units,
    boolean allowNonFinite)
    implements Serializable {

  public ColumnSpec(String source, String name, ColumnType type) {
    this(source, name, type, List.of(), List.of(), false);
  }

  public ColumnSpec(
      String source, String name, ColumnType type, List<String> formats, List<String> units) {
    this(source, name, type, formats, units, false);
  }

  public boolean recordsUnit() {
    return !units.isEmpty();
  }
}
