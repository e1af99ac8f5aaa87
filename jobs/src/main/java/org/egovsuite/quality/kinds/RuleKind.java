package org.egovsuite.quality.kinds;

import com.amazon.deequ.checks.Check;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;

/**
 * One kind of rule a steward may write: which keys it takes, how it is validated and how it becomes
 * a Deequ check. Registered in {@link RuleKinds}.
 */
public interface RuleKind {
  String name();

  /**
   * Keys this kind accepts beyond the common ones (id, kind, description, severity, action, owner,
   * where).
   */
  Set<String> keys();

  /** Adds every problem of the rule to the context's errors; does not throw. */
  void validate(YamlNode node, Rule rule, RuleContext context);

  Check toCheck(Rule rule);

  /** What the rule asks of its metric, in words, for reports. */
  default String threshold(Rule rule) {
    return "share >= " + rule.share();
  }

  /**
   * The smallest and largest value the rule's metric may take, NaN where there is no such bound (a
   * drift rule's bounds are relative to the last run); drawn on the report's trend charts.
   */
  default double[] metricBounds(Rule rule) {
    return new double[] {rule.share(), Double.NaN};
  }

  /** Whether each row passes or fails the rule on its own, so failing rows can be quarantined. */
  default boolean rowLevel() {
    return true;
  }

  /**
   * Adds the columns the check needs that are not in the data (a reference lookup, an age in days),
   * named by {@link RuleKinds#derivedColumn}; the default adds none.
   */
  default Dataset<Row> prepare(Dataset<Row> data, Rule rule, RuleInputs inputs) {
    return data;
  }
}
