package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.List;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.pipeline.IndicatorsReport;
import org.egovsuite.pipeline.IngestReport;
import org.egovsuite.pipeline.PublishReport;
import org.egovsuite.pipeline.QualityReport;
import org.egovsuite.pipeline.TableOutput;
import org.egovsuite.pipeline.QualityDryRun;
import org.egovsuite.pipeline.QualityHistory;
import org.egovsuite.pipeline.QualitySuggest;
import org.egovsuite.quality.RuleResult;

/** What a command did, for people (printed by {@link Console}) and schedulers ({@code --json}). */
public final class RunSummary {
  /**
   * @param lines physical lines of the dataset's csv files, -1 for other formats
   * @param recordLines lines of those files that records cover; the rest are header, blank or footer lines
   */
  public record DatasetRows(String dataset, long rowsRead, long rowsAccepted, long rowsQuarantined, long lines,
      long recordLines) {}

  /**
   * @param failedRuleIds the ids of the rules that failed, in rule-file order
   * @param rowsChecked standardised rows checked = rowsPassed + rowsQuarantined
   */
  public record DatasetVerdict(String dataset, String verdict, long rules, long failedRules, List<String> failedRuleIds,
      long rowsChecked, long rowsPassed, long rowsQuarantined) {}

  /** Any other command's result, for --json. */
  record Steward(Object value) {}

  public String command;
  public String runId;
  public String warehouse;
  public String logFile;
  public int exitCode;
  public String error;
  public double wallSeconds;
  public final List<DatasetRows> datasets = new ArrayList<>();
  public final List<DatasetVerdict> quality = new ArrayList<>();
  public final List<TableOutput> tables = new ArrayList<>();
  public final List<String> withheld = new ArrayList<>();
  public String manifest;
  /** The quality run's HTML report (its JSON twin beside it). */
  public String qualityReport;
  /** The brief's files (HTML, PDF), when the command wrote one. */
  public final List<String> brief = new ArrayList<>();
  /** The result of a steward command (quality check, suggest, history), for --json. */
  public Object steward;

  /** Physical lines of the files whose lines were counted; -1 when none was (not csv). */
  private static long lines(List<FileAccount> files) {
    return files.stream().anyMatch(f -> f.lines() >= 0)
        ? files.stream().filter(f -> f.lines() >= 0).mapToLong(FileAccount::lines).sum() : -1;
  }

  void add(Object report) {
    if (report instanceof IngestReport ingest) {
      ingest.datasets().forEach(d -> datasets.add(
          new DatasetRows(d.dataset(), d.rowsRead(), d.rowsAccepted(), d.rowsQuarantined(), lines(d.files()),
              d.files().stream().filter(f -> f.lines() >= 0).mapToLong(FileAccount::recordLines).sum())));
    } else if (report instanceof QualityReport q) {
      qualityReport = q.htmlReport();
      q.datasets().forEach(d -> {
        List<String> failed = d.results().stream().filter(r -> !r.passed()).map(RuleResult::ruleId).distinct().toList();
        quality.add(new DatasetVerdict(d.dataset(), d.verdict().name(),
            d.results().stream().map(RuleResult::ruleId).distinct().count(), failed.size(), failed, d.rowsIn(),
            d.rowsPassed(), d.rowsQuarantined()));
      });
    } else if (report instanceof IndicatorsReport indicators) {
      tables.clear();
      tables.addAll(indicators.tables());
      withheld.addAll(indicators.withheld());
    } else if (report instanceof QualityDryRun.Report || report instanceof QualitySuggest.Report
        || report instanceof QualityHistory.Report || report instanceof org.egovsuite.generate.GenerationReport
        || report instanceof org.egovsuite.publish.TableHistory.Rolled
        || report instanceof org.egovsuite.pipeline.TableLineage || report instanceof SqlCommand.Result) {
      steward = report;
    } else if (report instanceof Steward other) {
      steward = other.value();
    } else if (report instanceof PublishReport publish) {
      tables.clear();
      tables.addAll(publish.tables());
      manifest = publish.manifest();
    } else if (report instanceof org.egovsuite.publish.brief.BriefWriter.Written written) {
      brief.addAll(written.files());
    } else if (report != null) {
      // nothing a command reports is dropped: a new kind of report still reaches --json
      steward = report;
    }
  }
}
