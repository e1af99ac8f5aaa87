package org.egovsuite.cli;

import java.util.List;
import java.util.Set;
import org.egovsuite.quality.QualityHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Print a dataset's recorded quality metrics, run by run.",
      "Read from the warehouse's quality/history table: one line per rule constraint and run."
    })
final class QualityHistoryCommand extends StageCommand {
  @Mixin DatasetOption dataset;

  @Option(names = "--rule", paramLabel = "ID", description = "Only this rule.")
  String rule;

  QualityHistoryCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "quality history";
  }

  @Override
  boolean readOnly() {
    return true;
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      QualityHistory.Report history = QualityHistory.execute(ctx, dataset.name, rule);
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "%n%s: %d recorded metric(s) in %s%n",
                  history.dataset(), history.entries().size(), history.table()));
      TextTable table =
          new TextTable(
              List.of("run time", "run", "verdict", "rule", "on", "metric", "value", "result"),
              Set.of(6));
      for (QualityHistory.Entry e : history.entries()) {
        table.row(
            List.of(
                e.runTime(),
                e.runId(),
                e.verdict(),
                e.ruleId(),
                e.subject(),
                e.metric() == null ? "-" : e.metric(),
                e.value() == null ? "n/a" : String.format("%.6f", e.value()),
                e.passed() ? "pass" : "FAIL"));
      }
      text.append(table.render("  "));
      ctx.listener().text(text.toString());
      report.result(history);
    };
  }
}
