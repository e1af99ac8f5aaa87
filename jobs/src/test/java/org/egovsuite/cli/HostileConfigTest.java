package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configuration, answered before Spark starts with one line that names the file: rule and
 * flag expressions in a sandbox, config files read within their limits, a warehouse that cannot be
 * written.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
class HostileConfigTest {
  @TempDir Path dir;

  private static void assertOneLine(CliRun run) {
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private Path unCopy() {
    return Projects.copyConfig(dir.resolve("home"), "un_egdi");
  }

  private CliRun run(Path home, String... args) {
    return CliRun.in(home, dir.resolve("wh"), args);
  }

  /**
   * Rule expressions and dataset flags get one sandbox, checked before Spark starts with the
   * file:line: a 500-deep expression and a 20,000-term sum (StackOverflowError, exit 1, before), a
   * comment that would cut the query a {@code where} is placed in, variable substitution,
   * reflection in a flag (ran before), and a typo in a flag (failed after 130 s with an empty
   * message before).
   */
  @Test
  void ruleAndFlagExpressionsAreSandboxedBeforeSparkStarts() {
    Path home = unCopy();
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    String original = Projects.read(rules);
    Map<String, String> expressions =
        Map.of(
            "(".repeat(500) + "egdi" + ")".repeat(500) + " > 0",
            "nests parentheses deeper than 40",
            "egdi" + " + egdi".repeat(20_000) + " > 0",
            "characters long; conditions are limited to 2000",
            "egdi > 0 -- OR 1 = 1",
            "contains a SQL comment (--)",
            "'${env:HOME}' = '/root'",
            "variable substitution (${env:…}) is not allowed",
            "egdi >>> 0",
            "is not a valid SQL expression: [PARSE_SYNTAX_ERROR]");
    expressions.forEach(
        (expression, reason) -> {
          Projects.write(
              rules,
              original.replace(
                  "expression: egdi_rank IS NOT NULL OR array_contains(row_flags, 'unassessed')",
                  "expression: \"" + expression.replace("\"", "\\\"") + "\""));
          CliRun run = run(home, "run");
          assertThat(run.exitCode()).as(reason).isEqualTo(ExitCodes.BAD_CONFIG);
          assertThat(run.err())
              .as(reason)
              .contains(rules + ":")
              .contains(reason)
              .doesNotContain("Exception");
          assertThat(run.err().length())
              .as("the message is not the expression again in full")
              .isLessThan(2_000);
        });
    Projects.write(rules, original);

    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    String dataset = Projects.read(definition);
    Projects.write(
        definition,
        dataset.replace(
            "unassessed: egdi_rank IS NULL AND",
            "unassessed: java_method('java.lang.System', 'getenv', 'HOME') IS NOT NULL AND"));
    CliRun reflective = run(home, "run");
    assertThat(reflective.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(reflective.err())
        .contains(definition + ":")
        .contains("calls function 'java_method'");
    Projects.write(
        definition,
        dataset.replace("unassessed: egdi_rank IS NULL AND", "unassessed: egdi_rnak IS NULL AND"));
    CliRun typo = run(home, "run");
    assertThat(typo.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(typo.err()).contains(definition + ":").contains("unknown column 'egdi_rnak'");
  }

  /**
   * Config files are names and YAML, read with their limits: an alias bomb and a file that is not
   * UTF-8 (exit 1 without the file named, before) are exit 3 naming the file; a dataset named by a
   * path loads nothing from outside conf/datasets; a location outside the inputs base needs the
   * profile's allowed_locations; no message echoes a foreign file's content.
   */
  @Test
  void configFilesAreReadWithinTheirLimits() throws IOException {
    Path home = unCopy();
    Path pipeline = home.resolve("conf/pipeline.yaml");
    String plain = Projects.read(pipeline);

    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append("]\n");
    }
    Projects.write(pipeline, bomb + plain);
    CliRun aliases = run(home, "run");
    assertThat(aliases.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(aliases);
    assertThat(aliases.err()).contains(pipeline + ": not a readable YAML file: Number of aliases");

    Files.write(
        pipeline,
        new byte[] {
          'd', 'a', 't', 'a', 's', 'e', 't', 's', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'
        });
    CliRun latin = run(home, "run");
    assertThat(latin.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(latin);
    assertThat(latin.err()).contains(pipeline + ":").contains("not valid UTF-8");

    Files.writeString(dir.resolve("x.yaml"), "name: x\n");
    Projects.write(
        pipeline,
        plain.replace("datasets: [un_egdi]", "datasets: [\"../../../" + dir.resolve("x") + "\"]"));
    CliRun traversal = run(home, "run");
    assertThat(traversal.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(traversal.err()).contains("must be snake_case");

    Projects.write(pipeline, plain);
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition, Projects.read(definition).replaceAll("location: .*", "location: /etc/passwd"));
    CliRun outside = run(home, "run");
    assertThat(outside.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertOneLine(outside);
    assertThat(outside.err())
        .contains(
            definition + ":",
            "'/etc/passwd' is outside the inputs base",
            "allowed_locations in " + home.resolve("conf/profiles/local.yaml"));

    CliRun passwd =
        CliRun.of("run", "--conf", "/etc/passwd", "--warehouse", dir.resolve("wh").toString());
    assertThat(passwd.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(passwd.err()).doesNotContain("root:x:0");
  }

  /** A warehouse that cannot be written stops the run in one line before Spark starts. */
  @Test
  void anUnwritableWarehouseFailsAtOnceNamingThePath() throws IOException {
    Path home = unCopy();
    Path inTheWay = Files.writeString(dir.resolve("not-a-folder"), "a file");
    CliRun run = CliRun.in(home, inTheWay, "run");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertOneLine(run);
    assertThat(run.err().strip())
        .isEqualTo(
            "egov: error: warehouse "
                + inTheWay
                + " cannot be written: "
                + inTheWay
                + " is a file, not a folder; choose another with --warehouse");
    assertThat(run.out()).doesNotContain("ingest");
  }
}
