package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code bin/egov sql} example of the README and of {@code bin/egov sql --help} runs on the
 * bundled run's tables and returns rows: an analyst who copies one never meets a column that does
 * not exist. (Examples that name a tag the bundled run has not made are left out.)
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class DocumentedQueriesTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("bin/egov sql (--engine spark )?\\\\?\"(.+?)\\\\?\"(?=\\s|$|\")");

  DocumentedQueriesTest(SparkSession spark) {
    // the in-process runs share the JVM's SparkContext
  }

  @Test
  void everyDocumentedQueryRunsAndReturnsRows() throws Exception {
    List<String[]> examples = new ArrayList<>();
    collect(Files.readString(Projects.home().resolve("README.md")), examples);
    collect(CliRun.of("sql", "--help").out(), examples);
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    Path wh = BundledRun.warehouse();
    for (String[] example : examples) {
      List<String> args = new ArrayList<>(List.of("sql", example[1], "--warehouse", wh.toString()));
      if (example[0] != null) {
        args.addAll(List.of("--engine", "spark"));
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(example[1] + "\n" + run.err()).isZero();
      assertThat(run.out()).as(example[1]).doesNotContain("\n0 rows\n");
    }
  }

  /**
   * The examples of the reading commands' --help (profile, lineage, brief) run as printed on the
   * bundled tables. Left out: a lineage --as-of before the bundled run was made (no snapshot then).
   */
  @Test
  void everyReadingCommandsHelpExampleRuns(@org.junit.jupiter.api.io.TempDir Path out) {
    int ran = 0;
    for (String command : List.of("profile", "lineage", "brief")) {
      for (String line : CliRun.of(command, "--help").out().lines().toList()) {
        if (!line.startsWith("  bin/egov " + command + " ") || line.contains("--as-of")) {
          continue;
        }
        List<String> args =
            new ArrayList<>(List.of(line.trim().substring("bin/egov ".length()).split(" +")));
        int folder = args.indexOf("--out");
        if (folder >= 0) {
          args.set(folder + 1, out.toString());
        }
        args.addAll(List.of("--warehouse", BundledRun.warehouse().toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(line + "\n" + run.err()).isZero();
        ran++;
      }
    }
    assertThat(ran).as("examples found").isGreaterThanOrEqualTo(3);
  }

  private static void collect(String text, List<String[]> into) {
    Matcher m = EXAMPLE.matcher(text);
    while (m.find()) {
      String query = m.group(2).replace("\\\"", "\"");
      // placeholders such as <table> are for the reader to fill in
      if (!query.matches(".*<[a-z ]+>.*") && !query.contains("report-2016")) {
        into.add(new String[] {m.group(1), query});
      }
    }
  }
}
