package org.egovsuite.quality;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a steward's rule file, validated. Which of the optional fields a kind uses is
 * documented in {@code quality-rules/README.md}.
 *
 * @param min lower bound: completeness/compliance fraction for completeness and expression
 *     rules, smallest allowed value for range rules
 * @param where optional SQL condition restricting the rows the rule looks at
 * @param values allowed values (allowed_values rules)
 */
public record Rule(
    String id,
    String kind,
    String description,
    Severity severity,
    String owner,
    List<String> columns,
    Double min,
    Double max,
    String expression,
    String where,
    List<String> values,
    String location) {

  public Optional<String> whereClause() {
    return Optional.ofNullable(where);
  }
}
