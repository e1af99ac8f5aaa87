package org.egovsuite.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.history.MetricsHistoryTable;
import org.egovsuite.stage.JobContext;

/** {@code bin/egov quality history}: every recorded metric of a dataset, oldest run first. */
public final class QualityHistory {
  /**
   * @param subject the column (or columns, or "rows") the constraint applies to
   */
  public record Entry(
      String runTime,
      String runId,
      String verdict,
      String ruleId,
      String subject,
      String metric,
      Double value,
      boolean passed) {}

  public record Report(String dataset, String table, List<Entry> entries) {}

  private QualityHistory() {}

  public static Report execute(JobContext ctx, String dataset, String rule) {
    StewardData.definition(ctx, dataset);
    MetricsHistoryTable table =
        new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory());
    List<Entry> entries = new ArrayList<>();
    for (Row r : table.read(dataset).collectAsList()) {
      if (rule == null || rule.equals(r.getAs("rule_id"))) {
        entries.add(
            new Entry(
                r.getAs("run_time").toString(),
                r.getAs("run_id"),
                r.getAs("verdict"),
                r.getAs("rule_id"),
                subject(r.getAs("constraint"), r.getAs("rule_id")),
                r.getAs("metric"),
                r.getAs("value"),
                r.<Boolean>getAs("rule_passed")));
      }
    }
    return new Report(dataset, ctx.warehouse().qualityHistory() + "/dataset=" + dataset, entries);
  }

  /**
   * The column a recorded constraint applies to, from Deequ's description of it: {@code
   * CompletenessConstraint(Completeness(latitude,None,None))} → latitude. A compliance constraint
   * is named after the rule ({@code <rule> on x}); one without a column applies to rows.
   */
  public static String subject(String constraint, String ruleId) {
    if (constraint == null) {
      return "rows";
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\(\\w+\\(([^,()]*)[,)]").matcher(constraint);
    if (!m.find()) {
      return "rows";
    }
    String subject = m.group(1).strip();
    if (subject.startsWith(ruleId)) {
      subject = subject.substring(ruleId.length()).strip();
    }
    return subject.isEmpty() || subject.equals("*") || subject.equals("None")
        ? "rows"
        : subject.replaceFirst("^on ", "");
  }
}
