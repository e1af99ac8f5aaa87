package org.egovsuite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default pipeline run once per test JVM on the bundled data, into a fresh warehouse that
 * several test classes read (each full run costs about a minute).
 */
public final class BundledRun {
  private static Path warehouse;

  private BundledRun() {}

  /** The warehouse of the run; fails the caller if the run did not exit 0. */
  public static synchronized Path warehouse() {
    if (warehouse == null) {
      try {
        Path dir = Files.createTempDirectory("egov-bundled-run");
        CliRun run = CliRun.of("run", "--warehouse", dir.toString(), "--quiet");
        if (run.exitCode() != ExitCodes.OK) {
          throw new IllegalStateException("bundled run exited " + run.exitCode() + ": " + run.err());
        }
        warehouse = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return warehouse;
  }

  public static String table(String name) {
    return warehouse().resolve("tables").resolve(name).toString();
  }
}
