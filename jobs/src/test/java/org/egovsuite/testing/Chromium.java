package org.egovsuite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's chromium, installed by bin/test) for pages we generate: the DOM after
 * scripts ran with the console messages, and a screenshot kept under {@code target/test-artefacts}
 * for a person to look at. The flags keep Chromium off the network (this machine has none) and out
 * of first-run work.
 */
public final class Chromium {
  private static final String BINARY = "/usr/bin/chromium";
  private static final List<String> QUIET =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  /** The DOM after the page's scripts ran, and Chromium's CONSOLE log lines. */
  public record Page(String dom, List<String> console) {}

  private Chromium() {}

  public static Page load(Path html, Path work) throws Exception {
    assertThat(new File(BINARY)).as("Debian chromium; bin/test installs it").exists();
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path stderr = Files.createTempFile(work, "chromium", ".err");
    List<String> command = new java.util.ArrayList<>(List.of(BINARY));
    command.addAll(QUIET);
    command.addAll(
        List.of(
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            html.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    try (Stream<String> lines = Files.lines(stderr)) {
      return new Page(dom, lines.filter(l -> l.contains(":CONSOLE")).toList());
    }
  }

  /** Saves {@code target/test-artefacts/<name>.png} of the page and returns its path. */
  public static Path screenshot(Path html, Path work, String name, int width, int height)
      throws Exception {
    Path png = Path.of("target", "test-artefacts", name + ".png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    List<String> command = new java.util.ArrayList<>(List.of(BINARY));
    command.addAll(QUIET);
    command.addAll(
        List.of(
            "--hide-scrollbars",
            "--user-data-dir=" + Files.createTempDirectory(work, "chromium-shot"),
            "--window-size=" + width + "," + height,
            "--screenshot=" + png,
            html.toUri().toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile(work, "shot", ".log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(png).as("screenshot").isNotEmptyFile();
    return png;
  }
}
