package org.egovsuite.quality.kinds;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.egovsuite.quality.deequ.DeequAdapter.none;
import static org.egovsuite.quality.deequ.DeequAdapter.within;

import com.amazon.deequ.checks.Check;
import java.sql.Date;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * The newest date of the column is at most {@code max_age_days} before the run date. Each row's age
 * in days is derived, and Deequ's Minimum of the ages is the age of the newest row. A column with
 * no dates at all fails (Deequ has no minimum to report).
 */
final class FreshnessKind implements RuleKind {
  @Override
  public String name() {
    return "freshness";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "max_age_days");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumns(node.require("columns"), rule.columns());
    if (rule.columns().size() != 1) {
      context.error(node.require("columns"), "a freshness rule watches exactly one date column");
    }
    if (rule.maxAgeDays() == null || rule.maxAgeDays() < 0) {
      context.error(
          node.get("max_age_days").orElse(node), "a freshness rule needs 'max_age_days' >= 0");
    }
  }

  @Override
  public boolean rowLevel() {
    return false;
  }

  @Override
  public Dataset<Row> prepare(Dataset<Row> data, Rule rule, RuleInputs inputs) {
    String column = rule.columns().get(0);
    return data.withColumn(
        RuleKinds.derivedColumn(rule, column),
        datediff(lit(Date.valueOf(inputs.runDate())), to_date(col(column))));
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    String age = RuleKinds.derivedColumn(rule, rule.columns().get(0));
    return RuleKinds.scoped(
        check.hasMin(age, within(null, rule.maxAgeDays().doubleValue()), none(), none()), rule);
  }

  /** The metric is the age in days of the newest value. */
  @Override
  public double[] metricBounds(Rule rule) {
    return new double[] {Double.NaN, rule.maxAgeDays()};
  }

  @Override
  public String threshold(Rule rule) {
    return "newest "
        + rule.columns().get(0)
        + " at most "
        + rule.maxAgeDays()
        + " days before the run date";
  }
}
