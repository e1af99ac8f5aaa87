package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version folders and pointer of one table, on the local file system. */
class TableVersionsTest {
  @TempDir
  Path dir;

  private TableVersions versions() {
    return new TableVersions(dir.resolve("t").toString(), new Configuration());
  }

  /** Writes a staged version with one file and commits it; returns its name. */
  private String publish(TableVersions t, String run) throws IOException {
    String version = t.nextVersion();
    Path staged = Path.of(t.staging(run));
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("part-00000.parquet"), run);
    t.commit(staged.toString(), version);
    return version;
  }

  @Test
  void versionsAreNumberedAndTheNewestSwitchedToIsCurrent() throws IOException {
    TableVersions t = versions();
    assertThat(t.current()).isEmpty();
    assertThat(t.nextVersion()).isEqualTo("v000001");
    t.switchTo(publish(t, "run1"));
    t.switchTo(publish(t, "run2"));
    assertThat(t.versions()).containsExactly("v000001", "v000002");
    assertThat(t.current()).contains("v000002");
    assertThat(Files.readString(dir.resolve("t/CURRENT"))).isEqualTo("v000002\n");
    assertThat(Files.readString(Path.of(t.currentPath(), "part-00000.parquet"))).isEqualTo("run2");
    assertThat(t.previous()).contains("v000001");
    // the pointer was written aside and renamed, the staging folder emptied: nothing else is left
    // (but the hidden checksum files of Hadoop's local file system)
    try (var files = Files.list(dir.resolve("t"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
          .containsExactlyInAnyOrder("CURRENT", "v000001", "v000002");
    }
  }

  @Test
  void aNewPublishDiscardsWhatACrashOrARollbackLeftAhead() throws IOException {
    TableVersions t = versions();
    t.switchTo(publish(t, "run1"));
    publish(t, "crashed-after-commit");                      // v000002, never switched to
    Files.createDirectories(dir.resolve("t/_staging/crashed-while-writing"));
    assertThat(t.discardAhead()).containsExactly("v000002");
    assertThat(dir.resolve("t/_staging")).doesNotExist();
    assertThat(t.nextVersion()).isEqualTo("v000002");
    t.switchTo(publish(t, "run2"));
    t.switchTo(t.previous().orElseThrow());                    // rollback to v000001
    assertThat(t.current()).contains("v000001");
    assertThat(t.discardAhead()).containsExactly("v000002");
  }

  @Test
  void pruningKeepsTheCurrentAndTheTwoBefore() throws IOException {
    TableVersions t = versions();
    for (int i = 1; i <= 5; i++) {
      t.switchTo(publish(t, "run" + i));
    }
    assertThat(t.prune(3)).containsExactly("v000001", "v000002");
    assertThat(t.versions()).containsExactly("v000003", "v000004", "v000005");
  }

  @Test
  void switchingToAVersionThatIsNotThereIsRefused() throws IOException {
    TableVersions t = versions();
    t.switchTo(publish(t, "run1"));
    assertThatThrownBy(() -> t.switchTo("v000009")).hasMessage("table t has no version v000009");
    assertThat(t.current()).contains("v000001");
  }
}
