package org.egovsuite.quality;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one verification of a dataset produced: the rule results, the rows checked (counted in
 * the verification's own scan), the number of Spark jobs the
 * verification ran, and, when the dataset has quarantine rules, every row marked with the
 * quarantine rules it failed.
 *
 * @param marked the data (its own columns only) plus {@link RowLevelMarks#FAILED_RULES} and
 *     {@link RowLevelMarks#REASONS}; empty arrays for rows that pass. Lazy: evaluated when
 *     written.
 */
public record QualityRun(QualityOutcome outcome, long rows, int verificationJobs, Optional<Dataset<Row>> marked) {}
