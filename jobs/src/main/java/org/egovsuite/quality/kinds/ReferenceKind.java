package org.egovsuite.quality.kinds;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.egovsuite.quality.deequ.DeequAdapter.atLeast;
import static org.egovsuite.quality.deequ.DeequAdapter.list;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.checks.Check;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * Non-null values of each column exist in {@code reference: {dataset, column}}, another dataset of
 * the pipeline (e.g. a province's division code in the division table), for at least {@code min}
 * (default 1.0) of the rows. The lookup is a left join against the distinct reference values
 * (adaptive execution broadcasts them when they are small), marking each row; Deequ's Compliance
 * then counts the marks in the same verification pass as the other rules.
 */
final class ReferenceKind implements RuleKind {
  @Override
  public String name() {
    return "reference";
  }

  @Override
  public Set<String> keys() {
    return Set.of("columns", "reference", "min");
  }

  @Override
  public void validate(YamlNode node, Rule rule, RuleContext context) {
    context.requireColumnsAndShare(node, rule);
    YamlNode target = node.require("reference");
    context.requireDatasetColumn(target, rule.reference().dataset(), rule.reference().column());
  }

  @Override
  public Dataset<Row> prepare(Dataset<Row> data, Rule rule, RuleInputs inputs) {
    Dataset<Row> reference = inputs.datasets().apply(rule.reference().dataset());
    Dataset<Row> out = data;
    for (String column : rule.columns()) {
      String mark = RuleKinds.derivedColumn(rule, column);
      String key = mark + "_key";
      Dataset<Row> values =
          reference
              .select(col(rule.reference().column()).cast("string").as(key))
              .where(col(key).isNotNull())
              .distinct()
              .withColumn(mark, lit(true));
      out =
          out.join(values, out.col(column).cast("string").equalTo(values.col(key)), "left")
              .drop(key);
    }
    return out;
  }

  @Override
  public Check toCheck(Rule rule) {
    Check check = DeequAdapter.newCheck(rule.severity(), rule.id());
    for (String column : rule.columns()) {
      String condition =
          "`" + column + "` IS NULL OR `" + RuleKinds.derivedColumn(rule, column) + "` IS NOT NULL";
      check =
          RuleKinds.scoped(
              check.satisfies(
                  condition,
                  rule.id()
                      + " "
                      + column
                      + " in "
                      + rule.reference().dataset()
                      + "."
                      + rule.reference().column(),
                  atLeast(rule.share()),
                  none(),
                  list(List.of(column)),
                  none()),
              rule);
    }
    return check;
  }
}
