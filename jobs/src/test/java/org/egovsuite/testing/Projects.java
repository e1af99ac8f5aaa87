package org.egovsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The real project folders, and throw-away copies of its config to break on purpose. */
public final class Projects {
  private Projects() {}

  /** The repository root (set by surefire as egov.home). */
  public static Path home() {
    return Paths.get(System.getProperty("egov.home", "..")).toAbsolutePath().normalize();
  }

  public static Path data(String relative) {
    return home().resolve("data").resolve(relative);
  }

  /**
   * Copies conf/ and quality-rules/ into {@code dir}, with dataset locations made absolute so the
   * copy reads the bundled data; the brief's fonts and the map outlines are linked, as a project
   * home has them. The copy's brief is not printed to PDF ({@code exports: {brief_pdf: false}}).
   */
  public static Path copyConfig(Path dir) {
    try {
      copyTree(home().resolve("conf"), dir.resolve("conf"));
      copyTree(home().resolve("quality-rules"), dir.resolve("quality-rules"));
      Files.createDirectories(dir.resolve("data"));
      for (String shared : new String[] {"fonts", "boundaries"}) {
        if (!Files.exists(dir.resolve("data").resolve(shared))) {
          Files.createSymbolicLink(
              dir.resolve("data").resolve(shared), home().resolve("data").resolve(shared));
        }
      }
      try (Stream<Path> definitions = Files.list(dir.resolve("conf/datasets"))) {
        for (Path d : (Iterable<Path>) definitions::iterator) {
          write(d, read(d).replace("location: data/", "location: " + home().resolve("data") + "/"));
        }
      }
      // The copy reads the bundled data and files the tests make in temporary folders: both
      // outside its own home, so its profiles allow them.
      try (Stream<Path> profiles = Files.list(dir.resolve("conf/profiles"))) {
        for (Path p : (Iterable<Path>) profiles::iterator) {
          write(
              p,
              read(p)
                  + "allowed_locations: ["
                  + home().resolve("data")
                  + ", "
                  + Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath()
                  + "]\n");
        }
      }
      Path pipeline = dir.resolve("conf/pipeline.yaml");
      write(
          pipeline,
          read(pipeline)
                  .replace("rules_dir: quality-rules", "rules_dir: " + dir.resolve("quality-rules"))
              + "reference:\n  cn_divisions: "
              + home().resolve("data/cn-admin-divisions")
              + "\n"
              // The copies' briefs are written as HTML only: ~40 runs in the end-to-end tier, each
              // printing two PDFs (a Chromium start each), took ~2 of its ~9.5 minutes
              // (BENCHMARKS.md, "The test suite's time"). The bundled run and the brief command
              // still print, and their tests read the PDFs.
              + "exports:\n  brief_pdf: false\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #copyConfig(Path)} with a pipeline that ingests only {@code datasets} and computes only
   * the UN EGDI tables (the other indicators read datasets left out).
   */
  public static Path copyConfig(Path dir, String... datasets) {
    return copyConfig(dir, java.util.List.of(datasets), java.util.List.of());
  }

  /**
   * {@link #copyConfig(Path)} with a pipeline that ingests only {@code datasets} and computes the
   * UN EGDI tables and the indicators {@code definitions} (which must read only those datasets).
   */
  public static Path copyConfig(
      Path dir, java.util.List<String> datasets, java.util.List<String> definitions) {
    copyConfig(dir);
    Path pipeline = dir.resolve("conf/pipeline.yaml");
    String defined =
        definitions.isEmpty()
            ? "\n"
            : "\n  definitions: [" + String.join(", ", definitions) + "]\n";
    write(
        pipeline,
        read(pipeline)
            .replaceFirst(
                "(?s)datasets:\\n(  (- \\w+|#[^\\n]*)\\n)+",
                "datasets: [" + String.join(", ", datasets) + "]\n")
            .replaceFirst("(?s)\\n  definitions:\\n(    (- \\w+|#[^\\n]*)\\n)+", defined));
    return dir;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
