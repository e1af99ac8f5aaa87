package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;

/**
 * Checks, when the pipeline loads, that every dataset an indicator reads has the columns the
 * definition names: a pipeline of other datasets (a different survey edition, a regional subset)
 * then fails in a second with the columns listed, not in a Spark job with UNRESOLVED_COLUMN.
 */
public final class IndicatorInputs {
  private IndicatorInputs() {}

  /**
   * @param columns each dataset's standardised columns, by name
   * @throws ConfigException listing every definition's missing columns
   */
  public static void check(PipelineConfig config, Map<String, Set<String>> columns) {
    List<String> problems = new ArrayList<>();
    for (IndicatorDefinition definition : config.indicators()) {
      definition
          .namedInputColumns()
          .forEach(
              (input, needed) -> {
                Set<String> have = columns.get(input);
                if (have == null) {
                  return; // an earlier indicator's table: its columns are known when it is computed
                }
                List<String> missing = needed.stream().filter(c -> !have.contains(c)).toList();
                if (!missing.isEmpty()) {
                  problems.add(
                      definition.file()
                          + ": indicator '"
                          + definition.name()
                          + "' reads columns "
                          + missing
                          + " that dataset '"
                          + input
                          + "' does not have; its columns: "
                          + String.join(", ", have.stream().sorted().toList()));
                }
              });
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
  }
}
