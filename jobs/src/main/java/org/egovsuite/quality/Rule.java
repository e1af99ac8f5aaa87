package org.egovsuite.quality;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a steward's rule file, validated. Which of the optional fields a kind uses is
 * documented in {@code quality-rules/README.md}.
 *
 * @param min lower bound: completeness/compliance share for most kinds, smallest allowed value for
 *     range rules, fewest rows for row_count rules
 * @param where optional SQL condition restricting the rows the rule looks at
 * @param values allowed values (allowed_values rules)
 * @param reference the dataset column values must exist in (reference rules)
 * @param maxAgeDays how old the newest date may be on the run date (freshness rules)
 * @param metric the metric a drift rule follows (row_count, completeness, mean, ...)
 * @param maxChange largest relative change of a drift rule's metric vs the last admitted run
 */
public record Rule(
    String id,
    String kind,
    String description,
    Severity severity,
    Action action,
    String owner,
    List<String> columns,
    Double min,
    Double max,
    String expression,
    String where,
    List<String> values,
    Reference reference,
    Integer maxAgeDays,
    String metric,
    Double maxChange,
    String location) {

  /** A column of another dataset of the pipeline (its standardised data). */
  public record Reference(String dataset, String column) {}

  public Optional<String> whereClause() {
    return Optional.ofNullable(where);
  }

  /** The share of rows that must satisfy a share-type rule: {@code min}, default all. */
  public double share() {
    return min == null ? 1.0 : min;
  }

  /** What a quarantined row says about this rule. */
  public String reason() {
    return id + ": " + (description.isBlank() ? kind + " rule failed" : description);
  }
}
