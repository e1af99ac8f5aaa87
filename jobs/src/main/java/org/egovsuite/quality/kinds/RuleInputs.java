package org.egovsuite.quality.kinds;

import java.time.LocalDate;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What rules may look at besides the dataset itself: the run date (freshness) and the standardised
 * data of the pipeline's other datasets (reference rules).
 */
public record RuleInputs(LocalDate runDate, Function<String, Dataset<Row>> datasets) {

  public static RuleInputs of(LocalDate runDate) {
    return new RuleInputs(
        runDate,
        name -> {
          throw new IllegalStateException(
              "no other datasets available to reference rules (asked for " + name + ")");
        });
  }
}
