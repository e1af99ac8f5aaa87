package org.egovsuite.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.egovsuite.testing.SharedSessionProvider;

/** One in-process invocation of the CLI with its exit code and captured output. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new EgovCli(
                new SharedSessionProvider(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .execute(args);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A command on a project copy ({@code <home>/conf/pipeline.yaml}) and a warehouse. */
  static CliRun in(java.nio.file.Path home, java.nio.file.Path warehouse, String... args) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
    all.addAll(
        java.util.List.of(
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            warehouse.toString()));
    return of(all.toArray(String[]::new));
  }
}
