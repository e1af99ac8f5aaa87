package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.List;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.quality.RuleResult;
import org.egovsuite.stage.BriefReport;
import org.egovsuite.stage.IndicatorsReport;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.PublishReport;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.StageReport;
import org.egovsuite.stage.TableOutput;

/** What a command did, for people (printed by {@link Console}) and schedulers ({@code --json}). */
public final class RunSummary implements CommandRunner.Reports {
  /**
   * @param lines physical lines of the dataset's csv files, -1 for other formats
   * @param recordLines lines of those files that records cover; the rest are header, blank or
   *     footer lines
   */
  public record DatasetRows(
      String dataset,
      long rowsRead,
      long rowsAccepted,
      long rowsQuarantined,
      long lines,
      long recordLines) {}

  /**
   * @param failedRuleIds the ids of the rules that failed, in rule-file order
   * @param rowsChecked standardised rows checked = rowsPassed + rowsQuarantined
   */
  public record DatasetVerdict(
      String dataset,
      String verdict,
      long rules,
      long failedRules,
      List<String> failedRuleIds,
      long rowsChecked,
      long rowsPassed,
      long rowsQuarantined) {}

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
        ? files.stream().filter(f -> f.lines() >= 0).mapToLong(FileAccount::lines).sum()
        : -1;
  }

  /**
   * A stage's report into the summary's fields; one the summary does not know fails the command,
   * never dropped.
   */
  @Override
  public void accept(StageReport report) {
    if (report instanceof IngestReport ingest) {
      ingest
          .datasets()
          .forEach(
              d ->
                  datasets.add(
                      new DatasetRows(
                          d.dataset(),
                          d.rowsRead(),
                          d.rowsAccepted(),
                          d.rowsQuarantined(),
                          lines(d.files()),
                          d.files().stream()
                              .filter(f -> f.lines() >= 0)
                              .mapToLong(FileAccount::recordLines)
                              .sum())));
    } else if (report instanceof QualityReport q) {
      qualityReport = q.htmlReport();
      q.datasets()
          .forEach(
              d -> {
                List<String> failed =
                    d.results().stream()
                        .filter(r -> !r.passed())
                        .map(RuleResult::ruleId)
                        .distinct()
                        .toList();
                quality.add(
                    new DatasetVerdict(
                        d.dataset(),
                        d.verdict().name(),
                        d.results().stream().map(RuleResult::ruleId).distinct().count(),
                        failed.size(),
                        failed,
                        d.rowsIn(),
                        d.rowsPassed(),
                        d.rowsQuarantined()));
              });
    } else if (report instanceof IndicatorsReport indicators) {
      tables.clear();
      tables.addAll(indicators.tables());
      withheld.addAll(indicators.withheld());
    } else if (report instanceof PublishReport publish) {
      tables.clear();
      tables.addAll(publish.tables());
      manifest = publish.manifest();
    } else if (report instanceof BriefReport written) {
      brief.addAll(written.files());
    } else {
      throw new IllegalStateException(
          "the run summary has no place for a " + report.getClass().getName());
    }
  }

  @Override
  public void result(Object value) {
    steward = value;
  }
}
