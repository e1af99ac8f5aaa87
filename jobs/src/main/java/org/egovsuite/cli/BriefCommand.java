package org.egovsuite.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.publish.brief.BriefModel;
import org.egovsuite.publish.brief.BriefRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "brief", mixinStandardHelpOptions = true,
    description = {"The decision-support brief (HTML, PDF) from the published tables.",
        "Sentences come from conf/brief/<lang>.mustache, figures from main of the published tables "
        + "(DuckDB, no Spark), rounded as the report prints them; synthetic inputs are said at the top "
        + "of every section that uses them, and the last section gives the inputs' quality verdicts "
        + "and the snapshots read. The PDF is printed by headless Chromium when it is installed.",
        "  bin/egov brief",
        "  bin/egov brief --lang zh --year 2015 --out /tmp/brief"})
final class BriefCommand extends ReaderCommand {
  @Option(names = "--year", paramLabel = "YEAR", description = "The year of each indicator (default: its latest).")
  String year;

  @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (default: both).")
  String lang;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for brief-<lang>.html/.pdf (default: <warehouse>/brief).")
  String out;

  /** The files written, for --json. */
  record Written(List<String> files, boolean pdf) {}

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
      PipelineConfig config = PipelineConfigLoader.load(Path.of(ctx.config().file()), ctx.config().home(), null);
      Map<String, Object> model = BriefModel.build(config, ctx.warehouse().catalog(), year);
      Path folder = Path.of(out != null ? out : ctx.warehouse().root() + "/brief").toAbsolutePath();
      List<String> files = new ArrayList<>();
      boolean pdf = Files.isExecutable(Path.of(chromium()));
      for (String language : lang != null ? List.of(lang) : BriefRenderer.LANGUAGES) {
        Path html = folder.resolve("brief-" + language + ".html");
        write(html, BriefRenderer.render(config.home(), language, model));
        files.add(html.toString());
        if (pdf) {
          Path printed = folder.resolve("brief-" + language + ".pdf");
          print(html, printed);
          files.add(printed.toString());
        }
      }
      if (!pdf) {
        ctx.listener().warning(name(), "no PDF: headless Chromium (" + chromium() + ", EGOV_CHROMIUM) is not installed");
      }
      ctx.listener().text(String.join("\n", files.stream().map(f -> "brief " + f).toList()));
      report.accept(new Written(files, pdf));
    };
  }

  private static String chromium() {
    String set = System.getenv("EGOV_CHROMIUM");
    return set != null ? set : "/usr/bin/chromium";
  }

  /** Headless Chromium prints the page as the browser lays it out: the charts and CJK glyphs as on screen. */
  private static void print(Path html, Path pdf) {
    try {
      Path profile = Files.createTempDirectory("egov-chromium");
      Process p = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(pdf)) {
        p.destroyForcibly();
        throw new IllegalStateException("Chromium could not print " + html + " to PDF");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print " + html + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while printing " + html, e);
    }
  }

  private static void write(Path path, String text) {
    try {
      Files.createDirectories(path.getParent());
      try (OutputStream stream = Files.newOutputStream(path)) {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
