package org.egovsuite.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;

import com.amazon.deequ.VerificationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.spark.LabelsWhere;

/**
 * Marks each row with the quarantine rules it fails, from Deequ's row-level results: the ids in
 * {@link #FAILED_RULES}, the reasons in {@link #REASONS}, in rule-file order. A row-level result
 * that is null (the condition is null for the row) counts as failing, as Deequ's Compliance counts
 * it.
 */
public final class RowLevelMarks {
  public static final String FAILED_RULES = "quality_failed_rules";
  public static final String REASONS = "quality_reasons";

  private RowLevelMarks() {}

  static Dataset<Row> mark(
      SparkSession spark,
      VerificationResult result,
      Dataset<Row> prepared,
      List<String> dataColumns,
      List<Rule> quarantineRules) {
    Set<String> ruleIds = new HashSet<>();
    quarantineRules.forEach(rule -> ruleIds.add(rule.id()));
    Dataset<Row> rowLevel = DeequAdapter.rowLevelResults(spark, result, prepared, ruleIds);
    Set<String> available = Set.of(rowLevel.columns());
    LabelsWhere ids = new LabelsWhere();
    LabelsWhere reasons = new LabelsWhere();
    for (Rule rule : quarantineRules) {
      String outcome = DeequAdapter.rowLevelColumn(rule.id());
      if (!available.contains(outcome)) {
        throw new IllegalStateException(
            "Deequ gave no row-level result for quarantine rule '" + rule.id() + "'");
      }
      Column fails = not(coalesce(col("`" + outcome + "`"), lit(false)));
      ids.add(fails, lit(rule.id()));
      reasons.add(fails, lit(rule.reason()));
    }
    List<Column> out = new ArrayList<>();
    dataColumns.forEach(c -> out.add(col("`" + c + "`")));
    out.add(ids.column().as(FAILED_RULES));
    out.add(reasons.column().as(REASONS));
    return rowLevel.select(out.toArray(Column[]::new));
  }

  /** The marked rows that a quarantine rule failed. */
  public static Dataset<Row> quarantined(Dataset<Row> marked) {
    return marked.where(size(col(FAILED_RULES)).gt(0));
  }
}
