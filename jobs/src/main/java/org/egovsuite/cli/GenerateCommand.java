package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.egovsuite.generate.GenerationReport;
import org.egovsuite.generate.Generator;
import org.egovsuite.generate.GeneratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the synthetic datasets nobody publishes, by seed.",
      "Generate the synthetic datasets the report measures but nobody publishes (12345 tickets, "
          + "service catalogues, 两微一端 accounts, vulnerability notices, city portal checklists), in "
          + "parallel with Spark, deterministic by seed, with the messiness of conf/generator.yaml."
    })
final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Option(
      names = "--seed",
      defaultValue = "2015",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description =
          "Multiplies the rows of conf/generator.yaml "
              + "(1 = the bundled sample; 5000 = 100 million tickets). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(
      names = "--out",
      paramLabel = "URI",
      description =
          "Output folder, a local path or Hadoop URI "
              + "(default: data/generated under the project home).")
  String out;

  @Option(
      names = "--tickets",
      paramLabel = "N",
      description = "Exactly N 12345 tickets, whatever the scale.")
  Long tickets;

  @Option(
      names = "--service-items",
      paramLabel = "N",
      description = "Exactly N service catalogue items.")
  Long serviceItems;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "DATASET",
      description = "Generate only these datasets (comma-separated).")
  List<String> only = new ArrayList<>();

  private final CommandRunner runner;

  GenerateCommand(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() {
    if (!(scale > 0)) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--scale must be above 0");
    }
    for (String d : only) {
      if (!Generator.DATASETS.contains(d)) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this),
            "--only: unknown generated dataset '"
                + d
                + "'; valid: "
                + String.join(", ", Generator.DATASETS));
      }
    }
    return runner.run(
        options,
        "generate",
        (ctx, report) -> {
          GeneratorConfig config =
              GeneratorConfig.load(ctx.config().home().resolve("conf/generator.yaml"));
          Map<String, Long> rows = new LinkedHashMap<>();
          if (tickets != null) {
            rows.put("hotline_12345", tickets);
          }
          if (serviceItems != null) {
            rows.put("service_items", serviceItems);
          }
          String target =
              out != null
                  ? CommandRunner.warehouseUri(out)
                  : ctx.config().home().resolve("data/generated").toString();
          long start = System.nanoTime();
          GenerationReport generated =
              Generator.run(
                  ctx.spark(),
                  ctx.config().home(),
                  config,
                  new Generator.Request(seed, scale, rows, only, target));
          long millis = (System.nanoTime() - start) / 1_000_000;
          for (GenerationReport.Dataset d : generated.datasets()) {
            ctx.listener()
                .finished(
                    "generate",
                    String.format(
                        java.util.Locale.ROOT,
                        "%s: %,d records, %,d lines, %d files; %s",
                        d.name(),
                        d.counts().get("records"),
                        d.counts().get("lines"),
                        d.files(),
                        injected(d.counts())),
                    millis);
          }
          ctx.listener()
              .finished(
                  "generate",
                  "into " + target + " (seed " + seed + ", scale " + scale + ")",
                  millis);
          report.result(generated);
        });
  }

  private static String injected(Map<String, Long> counts) {
    return String.format(
        java.util.Locale.ROOT,
        "malformed %d, out of range %d, nulls %d, duplicates %d",
        counts.get("malformed"),
        counts.get("out_of_range"),
        counts.get("null"),
        counts.get("duplicate"));
  }
}
