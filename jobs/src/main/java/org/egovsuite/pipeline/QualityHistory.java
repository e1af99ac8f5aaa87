package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.history.MetricsHistoryTable;

/** {@code bin/egov quality history}: every recorded metric of a dataset, oldest run first. */
public final class QualityHistory {
  public record Entry(String runTime, String runId, String verdict, String ruleId, String metric, Double value,
      boolean passed) {}

  public record Report(String dataset, String table, List<Entry> entries) {}

  private QualityHistory() {}

  public static Report execute(JobContext ctx, String dataset, String rule) {
    StewardData.definition(ctx, dataset);
    MetricsHistoryTable table = new MetricsHistoryTable(ctx.spark(), ctx.warehouse().qualityHistory());
    List<Entry> entries = new ArrayList<>();
    for (Row r : table.read(dataset).collectAsList()) {
      if (rule == null || rule.equals(r.getAs("rule_id"))) {
        entries.add(new Entry(r.getAs("run_time").toString(), r.getAs("run_id"), r.getAs("verdict"), r.getAs("rule_id"),
            r.getAs("metric"), r.getAs("value"), r.<Boolean>getAs("rule_passed")));
      }
    }
    return new Report(dataset, ctx.warehouse().qualityHistory() + "/dataset=" + dataset, entries);
  }
}
