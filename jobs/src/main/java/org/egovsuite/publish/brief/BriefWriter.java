package org.egovsuite.publish.brief;

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
import org.apache.commons.io.FileUtils;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.warehouse.TableCatalog;

/**
 * Writes the brief of main of the published tables: {@code brief-<lang>.html} per language, and the
 * same printed to PDF by headless Chromium when it is installed ({@code /usr/bin/chromium}, or
 * {@code EGOV_CHROMIUM}) and the pipeline file does not say {@code exports: {brief_pdf: false}}.
 * Used by {@code bin/egov brief} and at the end of {@code run}.
 */
public final class BriefWriter {
  /** The files written (the PDFs among them when printed) and what kept any from being written. */
  public record Written(List<String> files, List<String> warnings) {
    public Written {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }
  }

  /** Where the brief lands under the warehouse when no folder is given. */
  public static final String FOLDER = "brief";

  private BriefWriter() {}

  public static Written write(
      PipelineConfig config,
      TableCatalog catalog,
      String year,
      List<String> languages,
      Path folder) {
    Map<String, Object> model = BriefModel.build(config, catalog, year);
    List<String> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    // exports.brief_pdf: false is a choice, not a missing tool: no warning then
    boolean wanted = config.exports().briefPdf();
    boolean pdf = wanted && Files.isExecutable(Path.of(chromium()));
    if (wanted && !pdf) {
      warnings.add(
          "no PDF: headless Chromium (" + chromium() + ", EGOV_CHROMIUM) is not installed");
    }
    for (String language : languages) {
      Path html = folder.resolve("brief-" + language + ".html");
      EmbeddedFonts.Embedded page =
          EmbeddedFonts.embed(config.home(), BriefRenderer.render(config.home(), language, model));
      if (!page.faces().absentFiles().isEmpty()) {
        warnings.add(
            html.getFileName()
                + ": fonts not embedded ("
                + String.join(", ", page.faces().absentFiles())
                + " not under "
                + config.home()
                + "); the reader's own fonts will show it");
      } else if (!page.faces().missing().isEmpty()) {
        warnings.add(
            html.getFileName()
                + ": no embedded font has "
                + page.faces().missing().stream()
                    .map(
                        c ->
                            new String(Character.toChars(c))
                                + " (U+"
                                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                                + ")")
                    .limit(10)
                    .collect(java.util.stream.Collectors.joining(", "))
                + "; the reader's own fonts will show them");
      }
      write(html, page.html());
      files.add(html.toString());
      if (pdf) {
        Path printed = folder.resolve("brief-" + language + ".pdf");
        print(html, printed);
        files.add(printed.toString());
      }
    }
    return new Written(files, warnings);
  }

  private static String chromium() {
    String set = System.getenv("EGOV_CHROMIUM");
    return set != null ? set : "/usr/bin/chromium";
  }

  /**
   * Headless Chromium prints the page as the browser lays it out: the charts and CJK glyphs as on
   * screen.
   */
  private static void print(Path html, Path pdf) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("egov-chromium");
      Process p =
          new ProcessBuilder(
                  chromium(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile,
                  "--no-pdf-header-footer",
                  "--print-to-pdf=" + pdf,
                  html.toUri().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(pdf)) {
        p.destroyForcibly();
        throw new IllegalStateException("Chromium could not print " + html + " to PDF");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print " + html + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while printing " + html, e);
    } finally {
      // Chromium's profile (~2.4 MB) is of no use once the page is printed; left behind, every
      // run added two to the temporary folder.
      if (profile != null) {
        FileUtils.deleteQuietly(profile.toFile());
      }
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
