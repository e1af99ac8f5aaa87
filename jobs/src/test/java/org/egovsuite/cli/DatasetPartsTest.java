package org.egovsuite.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One series from files whose headers changed over time: the bundled UN survey files and a later
 * edition whose columns are renamed and reordered, with an extra column, read as two parts of one
 * dataset. The UN tables then carry the new year with its change since the previous survey.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
@ExtendWith(SparkTest.class)
class DatasetPartsTest {
  private final SparkSession spark;
  @TempDir Path dir;

  DatasetPartsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void aLaterEditionWithRenamedColumnsJoinsTheSeries() throws Exception {
    Path old = Files.createDirectories(dir.resolve("un-egdi"));
    for (String year : new String[] {"2020", "2022"}) {
      Files.copy(
          Projects.data("un-egdi/EGOV_DATA_" + year + ".csv"),
          old.resolve("EGOV_DATA_" + year + ".csv"));
    }
    // A made-up later edition: other names, another order, a Region column the definition ignores.
    Path later =
        Files.writeString(
            Files.createDirectories(dir.resolve("un-egdi-2024")).resolve("egov_2024.csv"),
            """
        Country,Region,Year,EGDI,EGDI Rank,OSI,HCI,TII,E-Participation
        Denmark,Europe,2024,0.9847,1,0.9900,0.9700,0.9940,0.9700
        Estonia,Europe,2024,0.9727,2,0.9800,0.9500,0.9880,0.9400
        Singapore,Asia,2024,0.9691,3,0.9800,0.9400,0.9870,0.9200
        """);
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi");
    Path definition = home.resolve("conf/datasets/un_egdi.yaml");
    Projects.write(
        definition,
        Projects.read(definition)
            .replaceAll(
                "location: .*\\n",
                "parts:\n"
                    + "  - location: "
                    + old
                    + "/EGOV_DATA_*.csv\n"
                    + "  - location: "
                    + later.getParent()
                    + "/*.csv\n"
                    + "    sources: {survey_year: Year, country_name: Country, egdi_rank: EGDI Rank, egdi: EGDI,\n"
                    + "      epi: E-Participation, osi: OSI, hci: HCI, tii: TII}\n"));
    Path wh = dir.resolve("wh");

    CliRun run = CliRun.in(home, wh, "run");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // 2020: 193 countries, 2022: 193, the later edition: 3.
    assertThat(run.out()).contains("un_egdi      389 rows read = 389 accepted + 0 quarantined");
    Row denmark =
        spark
            .read()
            .parquet(BundledRun.current(wh, "egdi_country"))
            .where(col("survey_year").equalTo(2024).and(col("country_name").equalTo("Denmark")))
            .first();
    assertThat(denmark.<Integer>getAs("previous_survey_year")).isEqualTo(2022);
    // 0.9847 − 0.9717 (Denmark's EGDI in the 2022 file).
    assertThat(denmark.<Double>getAs("egdi_change"))
        .isCloseTo(0.0130, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(denmark.<Double>getAs("epi")).isEqualTo(0.97);
  }
}
