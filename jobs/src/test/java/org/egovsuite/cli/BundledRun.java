package org.egovsuite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovsuite.config.ExitCodes;

/**
 * The default pipeline run on the bundled data into a fresh warehouse that several test classes
 * read (each full run costs over a minute). Within one Maven build (same {@code egov.build.id}) the
 * unit tests' run is kept in {@code target/bundled-run} and reused by the integration tests as
 * their local reference; any other build, or a run without the id, computes its own.
 */
public final class BundledRun {
  private static final Path DIR = Path.of("target/bundled-run");
  private static Path warehouse;

  private BundledRun() {}

  /** The warehouse of the run; fails the caller if the run did not exit 0. */
  public static synchronized Path warehouse() {
    if (warehouse == null) {
      // The integration tests run in two JVMs at once: one computes, the other waits and reuses
      // (target/ exists whenever Maven runs the tests).
      try (java.nio.channels.FileChannel lock =
              java.nio.channels.FileChannel.open(
                  Path.of("target/bundled-run.lock"),
                  java.nio.file.StandardOpenOption.CREATE,
                  java.nio.file.StandardOpenOption.WRITE);
          java.nio.channels.FileLock held = lock.lock()) {
        String build = System.getProperty("egov.build.id", "");
        Path marker = DIR.resolve("build-id");
        if (!build.isBlank()
            && Files.isRegularFile(marker)
            && Files.readString(marker, StandardCharsets.UTF_8).equals(build)) {
          warehouse = DIR.resolve("warehouse").toAbsolutePath();
          return warehouse;
        }
        Path dir = build.isBlank() ? Files.createTempDirectory("egov-bundled-run") : fresh(DIR);
        CliRun run =
            CliRun.of("run", "--warehouse", dir.resolve("warehouse").toString(), "--quiet");
        if (run.exitCode() != ExitCodes.OK) {
          throw new IllegalStateException(
              "bundled run exited " + run.exitCode() + ": " + run.err());
        }
        if (!build.isBlank()) {
          Files.writeString(marker, build, StandardCharsets.UTF_8);
        }
        warehouse = dir.resolve("warehouse").toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return warehouse;
  }

  /**
   * The data files of main's snapshot of a published table, for {@code spark.read().parquet(…)}.
   */
  public static String[] table(String name) {
    return current(warehouse(), name);
  }

  /** The names of the tables published in the run. */
  public static java.util.List<String> tables() {
    return org.egovsuite.testing.Published.names(warehouse());
  }

  /** The data files of main's snapshot of a table of any local warehouse. */
  public static String[] current(Path warehouse, String name) {
    return org.egovsuite.testing.Published.files(warehouse, name);
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p :
            (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
