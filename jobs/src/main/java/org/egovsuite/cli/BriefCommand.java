package org.egovsuite.cli;

import java.nio.file.Path;
import java.util.List;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.publish.brief.BriefRenderer;
import org.egovsuite.publish.brief.BriefWriter;
import org.egovsuite.stage.BriefReport;
import org.egovsuite.warehouse.LocalWarehouseCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "brief",
    mixinStandardHelpOptions = true,
    description = {
      "The decision-support brief (HTML, PDF) from the published tables.",
      "Sentences come from conf/brief/<lang>.mustache, figures from main of the published tables "
          + "(DuckDB, no Spark) and the named queries of conf/brief/figures.yaml, rounded as the report prints "
          + "them; charts are inline SVG and the fonts' glyphs are embedded, so the HTML opens offline. Synthetic "
          + "inputs are said at the top of every section that uses them, and the last section gives the inputs' "
          + "quality verdicts and the snapshots read. The PDF is printed by headless Chromium when it is installed.",
      "  bin/egov brief",
      "  bin/egov brief --lang zh --year 2015 --out /tmp/brief"
    })
final class BriefCommand extends ReaderCommand {
  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "The year of each indicator (default: its latest).")
  String year;

  @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (default: both).")
  String lang;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for brief-<lang>.html/.pdf (default: <warehouse>/brief).")
  String out;

  BriefCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "brief";
  }

  @Override
  java.util.function.Consumer<PipelineConfig> preflight() {
    return config -> {
      if (lang != null && !BriefRenderer.LANGUAGES.contains(lang)) {
        throw new org.egovsuite.config.ConfigException("--lang " + lang + ": valid: zh, en");
      }
    };
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      requirePublished(ctx);
      PipelineConfig config =
          PipelineConfigLoader.load(Path.of(ctx.config().file()), ctx.config().home(), null);
      Path folder =
          out != null
              ? Path.of(out).toAbsolutePath()
              : LocalWarehouseCheck.localPath(ctx.warehouse().root()).resolve(BriefWriter.FOLDER);
      BriefWriter.Written written =
          BriefWriter.write(
              config,
              ctx.warehouse().catalog(),
              year,
              lang != null ? List.of(lang) : BriefRenderer.LANGUAGES,
              folder);
      written.warnings().forEach(w -> ctx.listener().warning(name(), w));
      report.accept(new BriefReport(ctx.runId(), written.files(), written.warnings()));
    };
  }
}
