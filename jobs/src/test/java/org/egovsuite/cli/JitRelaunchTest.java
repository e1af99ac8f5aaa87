package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline command started with C1 alone, as bin/egov starts it, goes on in a JVM with both
 * compilers when its input reaches the small-data limit — and that JVM goes when the first is
 * killed.
 */
@Tag("end-to-end") // runs pipeline commands in JVMs of their own
@ExtendWith(SparkTest.class)
class JitRelaunchTest {
  private static final List<String> C1_UNTIL_SIZED =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=240m",
          "-D" + JitRelaunch.PROPERTY + "=" + JitRelaunch.PENDING);

  @TempDir Path dir;

  JitRelaunchTest(SparkSession spark) {
    // the test JVM's session, as in the other end-to-end tests; the commands run in child JVMs
  }

  @Test
  void theCommandLineLosesOnlyTheC1OnlyOptionsAndItsArchiveGoesToItsOwnPath() {
    // The options and arguments that stay, in order; the C1-only options bin/egov adds go
    // between the JVM options, where it puts them.
    List<String> kept =
        List.of(
            "-Xmx4g",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Degov.home=/h",
            "-cp",
            "a.jar:lib/*",
            "org.egovsuite.cli.EgovMain",
            "run",
            "--warehouse",
            "w");
    List<String> arguments = new java.util.ArrayList<>(kept);
    arguments.addAll(2, C1_UNTIL_SIZED);
    arguments.add(2, "-XX:ArchiveClassesAtExit=/h/egov-run.jsa.42");

    List<String> expected =
        new java.util.ArrayList<>(List.of("/usr/bin/java", "-Degov.jit=relaunched"));
    expected.addAll(kept);
    expected.add(4, "-XX:ArchiveClassesAtExit=/h/egov-run.jsa.42.relaunched");
    assertThat(JitRelaunch.withBothCompilers("/usr/bin/java", arguments))
        .containsExactlyElementsOf(expected);
  }

  /**
   * The UN files (~300 KB) are large against a limit of 1 KiB: the ingest goes on in a second JVM
   * and finishes there; below the limit (the default 16 MiB) it stays in the first.
   */
  @Test
  void largeInputContinuesInAJvmWithBothCompilersSmallInputStays() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    ChildJvm large =
        ChildJvm.startWith(
            home,
            dir.resolve("wh1"),
            C1_UNTIL_SIZED,
            null,
            "ingest",
            "--spark-conf",
            "spark.egov.interpretBelow=1k");
    assertThat(large.exitCode()).as(large.output()).isZero();
    assertThat(large.output())
        .containsPattern("egov: [0-9,]+ bytes to read: continuing in a JVM with the optimising")
        .contains("2,123 rows read = 2,123 accepted + 0 quarantined");

    ChildJvm small = ChildJvm.startWith(home, dir.resolve("wh2"), C1_UNTIL_SIZED, null, "ingest");
    assertThat(small.exitCode()).as(small.output()).isZero();
    assertThat(small.output())
        .doesNotContain("continuing in a JVM")
        .contains("2,123 rows read = 2,123 accepted + 0 quarantined");
  }

  @Test
  void killingTheFirstJvmEndsTheSecond() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    Path wh = dir.resolve("wh");
    ChildJvm first =
        ChildJvm.startWith(
            home,
            wh,
            C1_UNTIL_SIZED,
            null,
            "ingest",
            "--spark-conf",
            "spark.egov.interpretBelow=1k");
    // The first JVM prints nothing after its note; the stage lines come from the second.
    assertThat(first.awaitLine(line -> line.contains("ingest     start"), 120))
        .as(first.output())
        .isTrue();
    // Its child JVM (the JDK gives no arguments for a command line as long as a test's class path,
    // so it is found as the first JVM's child running java).
    ProcessHandle second =
        ProcessHandle.of(first.pid())
            .orElseThrow()
            .children()
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no second JVM\n" + first.output()));

    first.kill(); // SIGKILL: no shutdown hook of the first runs
    // The second watches the first and halts when it is gone (within the JDK's polling), long
    // before its ingest (~7 s here) could finish and record its state; onExit().get throws if it
    // is still running after 60 s.
    assertThat(second.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(wh.resolve("_state/ingest.json"))
        .as("the ingest did not go on alone")
        .doesNotExist();
  }
}
