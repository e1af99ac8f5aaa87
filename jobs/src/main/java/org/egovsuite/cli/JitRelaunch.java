package org.egovsuite.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's compilers chosen by the data's size. A pipeline command on small data spends most of
 * its CPU in the JIT compilers warming up Spark (the bundled run: C2 ~110 s of ~200 s of CPU), and
 * with C1 alone it takes a fifth less time and a third less CPU; but C1 leaves out what C2 does for
 * a large run's hot loops (deep inlining, loop optimisations; not measured at scale, so large runs
 * keep both compilers), and a JVM's compilers are fixed when it starts (a compiler directive that
 * excludes C2 later leaves methods in profiled C1 code, which is slower still: BENCHMARKS.md, "The
 * bundled run's CPU"). So {@code bin/egov} starts pipeline commands with C1 alone and {@code
 * -Degov.jit=c1-until-sized}; once the configuration has loaded and the input is found to be at
 * least the small-data limit, the command starts again in a JVM with both compilers, before it has
 * taken the warehouse's lock or started Spark (about two seconds, measured at 10M tickets).
 */
final class JitRelaunch {
  static final String PROPERTY = "egov.jit";
  static final String PENDING = "c1-until-sized";
  static final String RELAUNCHED = "relaunched";

  /** bin/egov's class-data-sharing archive, written where this option says when the JVM exits. */
  private static final String ARCHIVE_AT_EXIT = "-XX:ArchiveClassesAtExit=";

  private JitRelaunch() {}

  /** Whether this JVM runs C1 alone until the data's size is known. */
  static boolean pending() {
    return PENDING.equals(System.getProperty(PROPERTY));
  }

  /**
   * The command line of this JVM without the C1-only options bin/egov gave it: the same java, JVM
   * options, class path, main class and arguments. A class-data-sharing archive due from this run
   * is written by the new JVM, which loads the run's classes, to the path given with {@code
   * .relaunched} added (bin/egov keeps that one); this JVM's, written too as it exits, holds only
   * the classes that sized the input.
   */
  static List<String> withBothCompilers(String java, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-D" + PROPERTY + "=" + RELAUNCHED);
    for (String a : arguments) {
      if (a.equals("-XX:TieredStopAtLevel=1")
          || a.startsWith("-XX:ReservedCodeCacheSize=")
          || a.startsWith("-D" + PROPERTY + "=")) {
        continue;
      }
      command.add(a.startsWith(ARCHIVE_AT_EXIT) ? a + ".relaunched" : a);
    }
    return command;
  }

  /**
   * Runs this command again in a JVM with both compilers, its output on this one's console, and
   * gives its exit code. Stopping this JVM (Ctrl-C, kill) stops that one too: a shutdown hook here,
   * and the new JVM ends when this one is gone ({@link #followParent}).
   *
   * @param givenArgs the command line as given to {@link EgovMain}
   */
  static int relaunch(List<String> givenArgs) {
    // This JVM's own options, class path and arguments, not ProcessHandle's command line: the JDK
    // gives no arguments for a long command line (a test JVM's class path).
    List<String> arguments =
        new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    arguments.addAll(
        List.of("-cp", System.getProperty("java.class.path"), EgovMain.class.getName()));
    arguments.addAll(givenArgs);
    List<String> command =
        withBothCompilers(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), arguments);
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      Thread stop = new Thread(child::destroy, "egov-relaunched-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the JVM for large data: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the run went on in another JVM", e);
    }
  }

  /**
   * In a relaunched JVM: ends at once when the JVM that started it is gone, so a run killed with
   * SIGKILL (which runs no shutdown hook) does not go on by itself.
   */
  static void followParent() {
    if (RELAUNCHED.equals(System.getProperty(PROPERTY))) {
      ProcessHandle.current()
          .parent()
          .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }
  }
}
