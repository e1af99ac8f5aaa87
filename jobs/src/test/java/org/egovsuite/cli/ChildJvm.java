package org.egovsuite.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.egovsuite.testing.Projects;
import org.egovsuite.warehouse.CrashPoint;

/**
 * {@code egov} in a JVM of its own, as a second user or a process that is killed would run it:
 * optionally halted at an injected crash point, or killed outright (SIGKILL) at the first output
 * line that matches.
 */
final class ChildJvm {
  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final Thread reader;

  private ChildJvm(Process process, Predicate<String> killAt) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (killAt != null && killAt.test(line)) {
                    process.destroyForcibly();
                  }
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.start();
  }

  /**
   * @param crashAt an injected crash point ({@link CrashPoint}), or null
   * @param killAt kill the JVM (SIGKILL) at the first output line that matches, or null
   */
  static ChildJvm start(
      Path home, Path wh, String crashAt, Predicate<String> killAt, String... args)
      throws IOException {
    return startWith(
        home,
        wh,
        crashAt == null ? List.of() : List.of("-D" + CrashPoint.PROPERTY + "=" + crashAt),
        killAt,
        args);
  }

  /**
   * @param jvmOptions options for the child JVM beside the module openings, e.g. a system property
   * @param killAt kill the JVM (SIGKILL) at the first output line that matches, or null
   */
  static ChildJvm startWith(
      Path home, Path wh, List<String> jvmOptions, Predicate<String> killAt, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens"))
        .forEach(command::add);
    command.addAll(List.of("-Duser.timezone=UTC", "-Degov.home=" + Projects.home()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EgovMain.class.getName()));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--conf",
            home.resolve("conf/pipeline.yaml").toString(),
            "--warehouse",
            wh.toString(),
            "--master",
            "local[1]"));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new ChildJvm(child, killAt);
  }

  /** Waits until a line of output matches (or the process ends). */
  boolean awaitLine(Predicate<String> line, long seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      if (output().lines().anyMatch(line)) {
        return true;
      }
      if (!process.isAlive()) {
        return output().lines().anyMatch(line);
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** The exit code, after waiting for the end (at most two minutes). */
  int exitCode() throws InterruptedException {
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("egov did not finish in 180 s:\n" + output());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** Kills the JVM (SIGKILL). */
  void kill() {
    process.destroyForcibly();
  }

  long pid() {
    return process.pid();
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }
}
