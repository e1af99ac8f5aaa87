package org.egovsuite.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one verification of a dataset produced: the rule results, the rows checked (counted in the
 * verification's own scan), the number of Spark jobs the verification ran, and, when the dataset
 * has quarantine rules, every row marked with the quarantine rules it failed.
 *
 * @param marked the data (its own columns only) plus {@link RowLevelMarks#FAILED_RULES} and {@link
 *     RowLevelMarks#REASONS}; empty arrays for rows that pass. Lazy: evaluated when written.
 * @param samples the first failing rows of every failing rule (the repeated values of a uniqueness
 *     rule), by rule id in rule-file order, values as a person writes them
 * @param rules the rules run, in rule-file order
 */
public record QualityRun(
    QualityOutcome outcome,
    long rows,
    int verificationJobs,
    Optional<Dataset<Row>> marked,
    Map<String, List<String>> samples,
    List<RuleOutline> rules) {
  public QualityRun {
    samples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(samples));
    rules = List.copyOf(rules);
  }
}
