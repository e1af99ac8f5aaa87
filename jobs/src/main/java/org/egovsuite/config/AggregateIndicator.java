package org.egovsuite.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures of a row-level dataset per unit and period (and per configured breakdown): ticket
 * volumes per 10k population, closure rates, median and p90 hours to close, shares of domains with
 * a security contact, shares of notices fixed within 30 days. Each measure is a Spark SQL aggregate
 * expression over the prepared rows.
 *
 * @param where optional SQL condition the rows must meet
 * @param deduplicate key columns: of rows sharing a key only the first (by source file and line)
 *     counts, so a record exported twice is not counted twice
 * @param derive columns computed before grouping, after the joins, name → SQL expression (in order)
 * @param joins lookups joined to the rows (at most one row per key), e.g. population
 * @param breakdowns further tables grouped by period and other columns
 */
public record AggregateIndicator(
    String name,
    Title title,
    String file,
    String dataset,
    String where,
    List<String> deduplicate,
    Map<String, String> derive,
    List<Join> joins,
    String unit,
    String unitName,
    String period,
    List<Measure> measures,
    List<Breakdown> breakdowns)
    implements IndicatorDefinition {

  /**
   * {@code columns} of dataset or table {@code source}, or of the CSV file {@code lookup}, joined
   * on {@code on} (same names both sides).
   */
  public record Join(String source, String lookup, List<String> on, List<String> columns) {
    public String describe() {
      return source != null ? source : lookup;
    }
  }

  /** Output column {@code column} = the aggregate SQL expression {@code sql}. */
  public record Measure(String column, String sql, String unit, Title title) {}

  /**
   * Table {@code <indicator>_<name>}: the measures listed (all when empty) per period and the
   * {@code by} columns.
   */
  public record Breakdown(String name, List<String> by, List<String> measures) {
    public String table(String indicator) {
      return indicator + "_" + name;
    }
  }

  public Optional<String> whereCondition() {
    return Optional.ofNullable(where);
  }

  public List<Measure> measuresOf(Breakdown breakdown) {
    return breakdown.measures().isEmpty()
        ? measures
        : measures.stream().filter(m -> breakdown.measures().contains(m.column())).toList();
  }
}
