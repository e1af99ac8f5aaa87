package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.DatasetDefinitionLoader;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family of yearly files without a year column is one dataset: the year comes from each file's
 * name ({@code egdi-2014.csv}) or folder ({@code year=2019/}), by a pattern in the definition.
 */
@ExtendWith(SparkTest.class)
class ValuesFromPathsTest {
  private final SparkSession spark;
  @TempDir Path dir;

  ValuesFromPathsTest(SparkSession spark) {
    this.spark = spark;
  }

  private DatasetDefinition definition(String location, String pattern) {
    Path file =
        Projects.write(
            dir.resolve("conf/datasets/egdi_by_file.yaml"),
            """
        name: egdi_by_file
        location: %s
        columns:
          - {source: Country Name, name: country_name}
          - {source: E-Government Index, name: egdi, type: double}
        constants:
          survey_year: {from_path: '%s', type: int}
        """
                .formatted(location, pattern));
    return DatasetDefinitionLoader.load(file, dir);
  }

  @Test
  void takesTheYearFromEachFilesName() throws Exception {
    Files.writeString(
        Files.createDirectories(dir.resolve("un")).resolve("egdi-2014.csv"),
        "Country Name,E-Government Index\nKorea,0.9462\nAustralia,0.9103\n");
    Files.writeString(
        dir.resolve("un/egdi-2016.csv"),
        "Country Name,E-Government Index\nUnited Kingdom,0.9193\n");
    DatasetDefinition dataset = definition(dir + "/un/egdi-*.csv", "egdi-(?<value>\\d{4})\\.csv$");

    IngestResult result =
        new IngestJob(spark)
            .dataset(dataset)
            .runId("t")
            .output(dir.resolve("out").toString())
            .execute();

    assertThat(result.accepted().schema().apply("survey_year").dataType())
        .isEqualTo(DataTypes.IntegerType);
    assertThat(result.accepted().orderBy("egdi").collectAsList())
        .extracting(r -> r.<String>getAs("country_name") + " " + r.<Integer>getAs("survey_year"))
        .containsExactly("Australia 2014", "United Kingdom 2016", "Korea 2014");
  }

  @Test
  void takesTheYearFromAFolderAndNamesAFileWhosePathDoesNotMatch() throws Exception {
    Files.writeString(
        Files.createDirectories(dir.resolve("by/year=2019")).resolve("part.csv"),
        "Country Name,E-Government Index\nDenmark,0.9150\n");
    DatasetDefinition dataset = definition(dir + "/by/year=*/*.csv", "/year=(\\d{4})/");
    IngestResult result =
        new IngestJob(spark)
            .dataset(dataset)
            .runId("t")
            .output(dir.resolve("out").toString())
            .execute();
    assertThat(result.accepted().first().<Integer>getAs("survey_year")).isEqualTo(2019);

    Files.writeString(
        Files.createDirectories(dir.resolve("by/year=latest")).resolve("part.csv"),
        "Country Name,E-Government Index\nDenmark,0.9717\n");
    assertThatThrownBy(
            () ->
                new IngestJob(spark)
                    .dataset(dataset)
                    .runId("t")
                    .output(dir.resolve("out2").toString())
                    .execute())
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "year=latest/part.csv: the file's path does not match '/year=(\\d{4})/' for constant "
                + "survey_year (from_path in "
                + dir.resolve("conf/datasets/egdi_by_file.yaml")
                + ")");
  }

  @Test
  void aPatternWithoutAGroupIsAConfigError() {
    assertThatThrownBy(() -> definition("x/*.csv", "egdi-\\d{4}"))
        .hasMessageContaining(
            "key 'constants.survey_year.from_path': pattern needs a group for the value");
  }
}
