package org.egovsuite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDefinitionLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheBundledUnEgdiDefinition() {
    DatasetDefinition d =
        DatasetDefinitionLoader.load(
            Projects.home().resolve("conf/datasets/un_egdi.yaml"), Projects.home());

    assertThat(d.name()).isEqualTo("un_egdi");
    assertThat(d.location())
        .isEqualTo(Projects.home().resolve("data/un-egdi/EGOV_DATA_*.csv").toString());
    assertThat(d.columnNames())
        .containsExactly(
            "survey_year", "country_name", "egdi_rank", "egdi", "epi", "osi", "hci", "tii");
    assertThat(d.columns().get(0))
        .isEqualTo(new ColumnSpec("Survey Year", "survey_year", ColumnType.INT));
    assertThat(d.keys()).containsExactly("survey_year", "country_name");
    assertThat(d.standardize()).containsEntry("country_name", java.util.List.of("text", "country"));
    assertThat(d.flags()).containsKey("unassessed");
  }

  @Test
  void unknownTypeNamesFileLineKeyAndValidTypes() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        location: data/*.csv
        columns:
          - {source: A, name: a, type: int}
          - {source: B, name: b, type: flaot}
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":5 key 'columns[1].type': unknown type 'flaot'; valid types: string, int, long, double, boolean, date, timestamp");
  }

  @Test
  void withoutAHeaderLineColumnsAreNumbered() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        location: data/*.csv
        csv: {header: false}
        columns:
          - {source: 2, name: a, type: int}
          - {source: B, name: b}
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .hasMessage(
            file
                + ":6 key 'columns[1].source': with csv.header: false a column is found by its position: "
                + "source must be a number from 1, found 'B'");
    Projects.write(file, Projects.read(file).replace("source: B", "source: 1"));
    DatasetDefinition d = DatasetDefinitionLoader.load(file, dir);
    org.assertj.core.api.Assertions.assertThat(d.format().header()).isFalse();
    org.assertj.core.api.Assertions.assertThat(d.format().linesAboveData()).isZero();
  }

  @Test
  void keyColumnMustBeMapped() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        location: data/*.csv
        columns:
          - {source: A, name: a}
        keys: [a, b]
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .hasMessageContaining(file + ":5 key 'keys'")
        .hasMessageContaining("key column 'b' is not a mapped column");
  }

  @Test
  void unknownTopLevelKeyIsNamedWithTheValidOnes() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        locaton: data/*.csv
        columns: []
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .hasMessageStartingWith(
            file
                + ":2 key 'locaton': unknown key 'locaton'; valid keys: columns, compression, constants, csv");
  }

  @Test
  void missingRequiredKeyIsNamed() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        columns:
          - {source: A, name: a}
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .hasMessage(file + ":1: missing required key 'location'");
  }

  @Test
  void namesMustBeSnakeCase() {
    Path file =
        Projects.write(
            dir.resolve("bad.yaml"),
            """
        name: x
        location: a.csv
        columns:
          - {source: A, name: CountryName}
        """);

    assertThatThrownBy(() -> DatasetDefinitionLoader.load(file, dir))
        .hasMessage(
            file
                + ":4 key 'columns[0].name': 'CountryName' must be snake_case (lower-case letters, digits, _)");
  }

  @Test
  void absoluteAndUriLocationsAreKept() {
    assertThat(DatasetDefinitionLoader.resolveLocation("hdfs://nn:8020/in/*.csv", dir))
        .isEqualTo("hdfs://nn:8020/in/*.csv");
    assertThat(DatasetDefinitionLoader.resolveLocation("/abs/x.csv", dir)).isEqualTo("/abs/x.csv");
    assertThat(DatasetDefinitionLoader.resolveLocation("data/x.csv", dir))
        .isEqualTo(dir.resolve("data/x.csv").toString());
    // A profile's inputs URI takes the place of the home for relative locations.
    assertThat(DatasetDefinitionLoader.resolveLocation("data/x.csv", "hdfs://nn:8020/egov/"))
        .isEqualTo("hdfs://nn:8020/egov/data/x.csv");
    assertThat(DatasetDefinitionLoader.resolveLocation("s3a://b/x.csv", "hdfs://nn:8020/egov"))
        .isEqualTo("s3a://b/x.csv");
  }
}
