package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Published;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gate policy for {@code run} and the stage commands (pipeline.Pipeline): with a dataset
 * failing an error rule, {@code run} and {@code ingest; quality; indicators; publish} publish the
 * same tables with the same rows and end with the same exit code and message.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
class GatePolicyTest {
  @TempDir Path dir;

  @Test
  void runAndTheStageCommandsPublishTheSameAndExitAlike() {
    Path home = CliErrorsTest.withUnlocatedRequestsFailing(dir);
    String conf = home.resolve("conf/pipeline.yaml").toString();
    Path whole = dir.resolve("whole");
    CliRun run = CliRun.of("run", "--conf", conf, "--warehouse", whole.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);

    Path staged = dir.resolve("staged");
    int[] exits = new int[4];
    String lastError = "";
    List<String> stages = List.of("ingest", "quality", "indicators", "publish");
    for (int i = 0; i < stages.size(); i++) {
      CliRun stage = CliRun.of(stages.get(i), "--conf", conf, "--warehouse", staged.toString());
      exits[i] = stage.exitCode();
      lastError = stage.err().strip();
    }
    // every stage does its work; from quality on each reports the gate, as run does at its end
    assertThat(exits)
        .containsExactly(
            0,
            ExitCodes.QUALITY_GATE_FAILED,
            ExitCodes.QUALITY_GATE_FAILED,
            ExitCodes.QUALITY_GATE_FAILED);
    assertThat(lastError).isEqualTo(run.err().strip()).contains("nyc311.every_request_located");

    List<String> tables = Published.onMain(whole);
    assertThat(tables).contains("egdi_country", "egdi_summary");
    assertThat(Published.onMain(staged)).containsExactlyInAnyOrderElementsOf(tables);
    for (String table : tables) {
      assertThat(sortedRows(staged, table)).as(table).isEqualTo(sortedRows(whole, table));
    }
    assertThat(whole.resolve("brief/brief-zh.html")).exists();
    assertThat(staged.resolve("brief/brief-zh.html")).exists();
    // the copy says exports: {brief_pdf: false} (Projects.copyConfig): HTML only, and no warning
    // about Chromium, installed or not
    assertThat(whole.resolve("brief/brief-zh.pdf")).doesNotExist();
    assertThat(run.out() + run.err()).doesNotContain("no PDF");
  }

  private static List<String> sortedRows(Path warehouse, String table) {
    return Published.rows(warehouse, table).stream()
        .map(GatePolicyTest::canonical)
        .sorted()
        .toList();
  }

  private static String canonical(Map<String, Object> row) {
    return new java.util.TreeMap<>(row).toString();
  }
}
