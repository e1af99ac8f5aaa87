package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A glob that newly matches a file (a second copy of a survey year saved beside the first) is named
 * by the next ingest, against the files of the last run that admitted the dataset.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
@ExtendWith(SparkTest.class)
class NewInputFilesTest {
  @TempDir Path dir;

  @Test
  void aFileTheLocationNewlyMatchesIsNamedOnTheConsoleInTheManifestAndInTheReport()
      throws Exception {
    Path files = Files.createDirectories(dir.resolve("un-egdi"));
    for (String year : new String[] {"2020", "2022"}) {
      Files.copy(
          Projects.data("un-egdi/EGOV_DATA_" + year + ".csv"),
          files.resolve("EGOV_DATA_" + year + ".csv"));
    }
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll("location: .*", "location: " + files + "/EGOV_DATA_*.csv"));
    Path wh = dir.resolve("wh");
    CliRun first = CliRun.in(home, wh, "run");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).doesNotContain("new since run");
    String firstRun = first.out().lines().findFirst().orElseThrow().split("\\s+")[3];

    Path copy =
        Files.copy(files.resolve("EGOV_DATA_2022.csv"), files.resolve("EGOV_DATA_2022 (1).csv"));
    CliRun ingest = CliRun.in(home, wh, "ingest");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(ingest.out())
        .contains(
            "WARN   un_egdi: 1 file(s) new since run "
                + firstRun
                + ", the last that admitted it: file:"
                + copy
                + "; if one is a second copy of data already read, narrow "
                + "'location' in "
                + definition);
    assertThat(Files.readString(wh.resolve("_state/ingest.json")))
        .contains("\"newSinceRun\" : \"" + firstRun + "\"");

    CliRun quality = CliRun.in(home, wh, "quality");
    // The copy repeats 2022's countries: the uniqueness rule fails the gate, as it should.
    assertThat(quality.exitCode()).isEqualTo(ExitCodes.QUALITY_GATE_FAILED);
    String runId = quality.out().lines().findFirst().orElseThrow().split("\\s+")[3];
    assertThat(Files.readString(wh.resolve("runs/" + runId + "/quality-report.html")))
        .contains(
            "1 input file(s) new since the last run that admitted this dataset (a second copy?): <code>file:"
                + copy
                + "</code>");
  }
}
