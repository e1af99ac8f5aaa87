package org.egovsuite.quality.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;

/**
 * What a rule is validated against (the dataset's columns, and the other datasets' columns for
 * reference rules) and where its errors collect.
 */
public final class RuleContext {
  private final Set<String> columns;
  private final Map<String, Set<String>> otherDatasets;
  private final List<String> errors = new ArrayList<>();

  public RuleContext(Set<String> columns, Map<String, Set<String>> otherDatasets) {
    this.columns = new TreeSet<>(columns);
    this.otherDatasets = new TreeMap<>(otherDatasets);
  }

  public void error(YamlNode node, String message) {
    errors.add(node.where() + ": " + message);
  }

  public List<String> errors() {
    return errors;
  }

  /** A reference target: a dataset of the pipeline and one of its columns. */
  public void requireDatasetColumn(YamlNode node, String dataset, String column) {
    Set<String> target = otherDatasets.get(dataset);
    if (target == null) {
      error(
          node,
          "unknown dataset '"
              + dataset
              + "'; datasets of the pipeline: "
              + String.join(", ", otherDatasets.keySet()));
    } else if (!target.contains(column)) {
      error(
          node,
          "dataset '"
              + dataset
              + "' has no column '"
              + column
              + "'; its columns: "
              + String.join(", ", new TreeSet<>(target)));
    }
  }

  public void requireColumns(YamlNode node, List<String> names) {
    for (String name : names) {
      if (!columns.contains(name)) {
        error(
            node,
            "unknown column '" + name + "'; columns of the dataset: " + String.join(", ", columns));
      }
    }
  }

  /** Checks that a SQL expression parses, is allowed, and names only known columns. */
  public void requireExpression(YamlNode node, String sql) {
    try {
      requireColumns(node, SqlExpressions.referencedColumns(sql));
    } catch (IllegalArgumentException e) {
      error(node, e.getMessage());
    }
  }

  /** The usual pair: the rule's columns exist, and its optional {@code min} is a share. */
  public void requireColumnsAndShare(YamlNode node, Rule rule) {
    requireColumns(node.require("columns"), rule.columns());
    node.get("min").ifPresent(min -> requireFraction(min, rule.min()));
  }

  public void requireRegex(YamlNode node, String pattern) {
    try {
      java.util.regex.Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      error(node, "bad regular expression '" + pattern + "': " + e.getDescription());
    }
  }

  public void requireFraction(YamlNode node, Double value) {
    if (value != null && (value < 0 || value > 1 || value.isNaN())) {
      error(node, "threshold " + value + " is outside [0, 1]");
    }
  }
}
