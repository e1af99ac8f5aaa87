package org.egovsuite.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.quality.QualityCheckJob;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.QualityRun;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.warehouse.BranchWriter;
import org.egovsuite.warehouse.SnapshotRows;

/**
 * The "audit" of write–audit–publish: a run's branch of a table is checked before main may move to
 * it: the columns the run wrote and the data dictionary lists, the row count the run recorded and
 * no empty key column (from the data files' metrics), the quality verdict of every input dataset
 * must not be FAILED; and a table-level rule file, {@code quality-rules/tables/<table>.yaml} (the
 * dataset rules' YAML and Deequ engine), must pass. The first failed check is reported with the
 * table, the check and the branch left for inspection.
 */
public final class PublishAudit {
  public static final String TABLE_RULES = "tables";

  private PublishAudit() {}

  /**
   * @param dictionary table → its columns, as the run's data dictionary lists them
   */
  public static void audit(
      JobContext ctx,
      TableOutput staged,
      QualityReport quality,
      Map<String, List<String>> dictionary) {
    Table table = ctx.warehouse().catalog().load(staged.name());
    Snapshot head = table.snapshot(staged.branch());
    String what =
        "table "
            + staged.name()
            + " (branch "
            + staged.branch()
            + " kept for inspection: bin/egov sql "
            + "--engine spark \"SELECT * FROM egov."
            + staged.name()
            + ".branch_"
            + staged.branch()
            + "\")";
    if (head == null || head.snapshotId() != staged.snapshotId()) {
      throw new MissingStageOutputException(
          "table "
              + staged.name()
              + ": branch "
              + staged.branch()
              + " is "
              + (head == null ? "gone" : "at snapshot " + head.snapshotId())
              + ", the run wrote snapshot "
              + staged.snapshotId()
              + "; run 'bin/egov indicators' again");
    }
    List<String> columns = SnapshotRows.columns(table, head.snapshotId());
    if (!columns.equals(staged.columns())) {
      throw new PublishValidationException(
          what + ": columns " + columns + ", the indicators stage wrote " + staged.columns());
    }
    List<String> listed = dictionary.get(staged.name());
    if (!staged.name().equals(DataDictionary.TABLE) && !columns.equals(listed)) {
      throw new PublishValidationException(
          what
              + ": columns "
              + columns
              + ", the data dictionary lists "
              + (listed == null ? "no columns for it" : listed));
    }
    for (String dataset : staged.datasets()) {
      QualityReport.DatasetQuality checked = quality.dataset(dataset);
      if (checked == null || checked.verdict() == QualityOutcome.Verdict.FAILED) {
        throw new PublishValidationException(
            what
                + ": input dataset '"
                + dataset
                + "' "
                + (checked == null ? "has no quality result" : "failed its quality gate")
                + " in quality run "
                + quality.runId());
      }
    }
    counts(table, head, staged, what);
    tableRules(ctx, staged, what);
  }

  /**
   * Counts rows and empty keys from the column metrics Iceberg's writer keeps for every data file
   * (metadata only: a second for all tables instead of reading them); a key column without metrics
   * (metrics turned off for it) is counted by reading the rows back.
   */
  private static void counts(Table table, Snapshot head, TableOutput staged, String what) {
    org.apache.iceberg.Schema schema =
        table.schemas().getOrDefault(head.schemaId(), table.schema());
    long rows = 0;
    long[] nulls = new long[staged.keys().size()];
    boolean measured = true;
    for (org.apache.iceberg.FileScanTask task :
        SnapshotRows.files(table, head.snapshotId(), true)) {
      rows += task.file().recordCount();
      for (int k = 0; k < nulls.length; k++) {
        Map<Integer, Long> counts = task.file().nullValueCounts();
        Long n =
            counts == null ? null : counts.get(schema.findField(staged.keys().get(k)).fieldId());
        if (n == null) {
          measured = false;
        } else {
          nulls[k] += n;
        }
      }
    }
    if (!measured) {
      List<String> columns = SnapshotRows.columns(table, head.snapshotId());
      int[] keys = staged.keys().stream().mapToInt(columns::indexOf).toArray();
      java.util.Arrays.fill(nulls, 0);
      SnapshotRows.read(
          table,
          head.snapshotId(),
          row -> {
            for (int k = 0; k < keys.length; k++) {
              if (row[keys[k]] == null) {
                nulls[k]++;
              }
            }
          });
    }
    if (rows != staged.rows()) {
      throw new PublishValidationException(
          what
              + ": "
              + rows
              + " rows in its data files, the indicators stage wrote "
              + staged.rows());
    }
    for (int k = 0; k < nulls.length; k++) {
      if (nulls[k] > 0) {
        throw new PublishValidationException(
            what + ": " + nulls[k] + " row(s) with no " + staged.keys().get(k) + " (a key column)");
      }
    }
  }

  /**
   * The table's own rule file, if there is one, run on the branch with the dataset rules' engine.
   */
  private static void tableRules(JobContext ctx, TableOutput staged, String what) {
    Path file = ctx.config().rulesDir().resolve(TABLE_RULES).resolve(staged.name() + ".yaml");
    if (!Files.isRegularFile(file)) {
      return;
    }
    RuleFile rules =
        RuleFileLoader.load(file, staged.name(), new java.util.LinkedHashSet<>(staged.columns()));
    QualityRun run =
        new QualityCheckJob()
            .data(BranchWriter.read(ctx.spark(), staged.name(), staged.branch()))
            .rules(rules)
            .execute();
    List<RuleResult> failed = run.outcome().blocking();
    if (!failed.isEmpty()) {
      throw new PublishValidationException(
          what
              + ": "
              + failed.size()
              + " rule(s) of "
              + file
              + " failed: "
              + failed.stream()
                  .map(r -> r.ruleId() + " (" + r.message() + ")")
                  .collect(Collectors.joining("; ")));
    }
  }

  /** table → its columns in order, from the run's data dictionary branch. */
  public static Map<String, List<String>> dictionary(JobContext ctx, TableOutput dictionary) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (dictionary == null) {
      return out;
    }
    Table table = ctx.warehouse().catalog().load(dictionary.name());
    List<String> columns = SnapshotRows.columns(table, dictionary.snapshotId());
    int name = columns.indexOf(DataDictionary.TABLE_NAME);
    int column = columns.indexOf(DataDictionary.COLUMN_NAME);
    SnapshotRows.read(
        table,
        dictionary.snapshotId(),
        row ->
            out.computeIfAbsent(String.valueOf(row[name]), t -> new ArrayList<>())
                .add(String.valueOf(row[column])));
    return out;
  }
}
