package org.egovsuite.cli;

import java.nio.file.Path;
import org.egovsuite.quality.QualitySuggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
      "Draft a rule file for a dataset from Deequ's suggestions.",
      "Write a draft rule file for a dataset from Deequ's constraint suggestions "
          + "(quality-rules/<dataset>.draft.yaml unless --out), every rule a warning to review."
    })
final class QualitySuggestCommand extends StageCommand {
  @Mixin DatasetOption dataset;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the draft.")
  Path out;

  QualitySuggestCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "quality suggest";
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> report.result(QualitySuggest.execute(ctx, dataset.name, out));
  }
}
