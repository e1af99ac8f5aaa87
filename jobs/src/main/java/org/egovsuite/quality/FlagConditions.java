package org.egovsuite.quality;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.kinds.RuleContext;

/**
 * A dataset's {@code flags:} are SQL conditions Spark evaluates on every row, so they get the same
 * sandbox as rule expressions (allowed nodes and functions, no comments, bounded size) and the same
 * check of their columns, with the definition's file:line, before Spark starts.
 */
final class FlagConditions {
  private FlagConditions() {}

  /** Every problem of the dataset's flag conditions, each naming file:line; empty when none. */
  static List<String> problems(DatasetDefinition dataset, Set<String> columns) {
    if (dataset.flags().isEmpty()) {
      return List.of();
    }
    // The definition holds the conditions without their lines: the file is read again for them.
    YamlNode flags = YamlFiles.read(Path.of(dataset.file())).require("flags");
    RuleContext context = new RuleContext(columns, Map.of());
    flags
        .entries()
        .forEach((flag, condition) -> context.requireExpression(condition, condition.asString()));
    return context.errors();
  }
}
