package org.egovsuite.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.egovsuite.pipeline.Pipeline;
import org.egovsuite.quality.QualityDryRun;
import org.egovsuite.quality.QualityGateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run of one dataset's rules, with sample failing rows.",
      "Dry run for stewards: check one dataset against its rule file (or --rules FILE) and print "
          + "every rule's metric, threshold and verdict with sample failing rows. Writes nothing; exits "
          + "4 when the verdict is FAILED."
    })
final class QualityCheckCommand extends StageCommand {
  @Mixin DatasetOption dataset;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "A rule file to try instead of quality-rules/<dataset>.yaml.")
  Path rules;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "5",
      description = "Failing rows shown per rule (default 5).")
  int samples;

  QualityCheckCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "quality check";
  }

  /**
   * A steward's draft rule file is read and checked against the dataset's columns before Spark
   * starts, so a typo answers in a second, not after a session has started.
   */
  @Override
  java.util.function.Consumer<org.egovsuite.config.PipelineConfig> preflight() {
    return config -> QualityDryRun.validate(config, dataset.name, Optional.ofNullable(rules));
  }

  @Override
  boolean readOnly() {
    return true;
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      QualityDryRun.Report result =
          QualityDryRun.execute(
              ctx,
              dataset.name,
              Optional.ofNullable(rules),
              samples,
              Pipeline.generatedRules(ctx.config()));
      ctx.listener().text(RuleTable.render(result));
      report.result(result);
      if (result.verdict().equals("FAILED")) {
        // So a rule file can be tried in CI: exit 4, as the pipeline's gate would.
        throw new QualityGateException(
            "dry run of " + dataset.name + ": verdict FAILED (nothing was written)");
      }
    };
  }
}
