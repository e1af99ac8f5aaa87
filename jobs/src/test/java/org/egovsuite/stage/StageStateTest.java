package org.egovsuite.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's state file carries its format version and is read strictly. */
class StageStateTest {
  @TempDir Path dir;

  record Probe(String name, int rows) {}

  @Test
  void aRecordComesBackAndAFileOfAnotherVersionOrWithUnknownPropertiesIsRefusedNamingIt()
      throws Exception {
    try (Warehouse warehouse = new Warehouse(dir.toString(), new Configuration())) {
      StageState.save(warehouse, "ingest", new Probe("un_egdi", 2123));
      assertThat(StageState.require(warehouse, "ingest", Probe.class, ""))
          .isEqualTo(new Probe("un_egdi", 2123));
      Path file = Path.of(warehouse.state("ingest").replaceFirst("^file:", ""));
      String json = Files.readString(file);
      int version = StageState.FORMAT_VERSION;
      assertThat(json).contains("\"formatVersion\" : " + version, "\"stage\" : \"ingest\"");

      Files.writeString(
          file, json.replace("\"rows\" : 2123", "\"rows\" : 2123, \"checksum\" : \"x\""));
      assertThatThrownBy(() -> StageState.require(warehouse, "ingest", Probe.class, ""))
          .isInstanceOf(MissingStageOutputException.class)
          .hasMessageContaining(file.getFileName().toString())
          .hasMessageContaining("unknown property 'checksum'")
          .hasMessageContaining("run 'bin/egov ingest' again");

      Files.writeString(
          file,
          json.replace("\"formatVersion\" : " + version, "\"formatVersion\" : " + (version + 1)));
      assertThatThrownBy(() -> StageState.require(warehouse, "ingest", Probe.class, ""))
          .isInstanceOf(MissingStageOutputException.class)
          .hasMessageContaining(
              "format version " + (version + 1) + ", this egov reads version " + version);
    }
  }
}
