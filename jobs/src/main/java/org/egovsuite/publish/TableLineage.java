package org.egovsuite.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.stage.RunManifest;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.SnapshotLineage;
import org.egovsuite.warehouse.Warehouse;

/**
 * The lineage of one snapshot of a published table: what the snapshot's summary says ({@link
 * SnapshotLineage}), completed from the run manifest it names (input files with their checksums).
 * Iceberg's Java API and the file system only.
 *
 * @param files dataset → its input files, from the manifest (empty when it is not written yet)
 */
public record TableLineage(
    SnapshotLineage snapshot,
    Long mainSnapshotId,
    boolean manifestFound,
    Map<String, List<FileAccount>> files) {

  /**
   * @param snapshotId a snapshot of the table, or null for main's
   * @param asOf a time: main's snapshot then (ISO instant, or a date meaning its end in UTC), or
   *     null
   */
  public static TableLineage read(Warehouse warehouse, String name, Long snapshotId, String asOf) {
    if (!warehouse.hasCatalog()) {
      throw new MissingStageOutputException(
          "nothing is published in " + warehouse.root() + " yet; run 'bin/egov run'");
    }
    Table table = warehouse.catalog().load(name);
    Snapshot main = table.currentSnapshot();
    Snapshot chosen;
    if (snapshotId != null) {
      chosen = table.snapshot(snapshotId);
      if (chosen == null) {
        throw new MissingStageOutputException(
            "table '"
                + name
                + "' has no snapshot "
                + snapshotId
                + " (kept: "
                + org.egovsuite.publish.TableHistory.ancestors(table)
                + ")");
      }
    } else if (asOf != null) {
      long millis = millis(asOf);
      try {
        chosen = table.snapshot(SnapshotUtil.snapshotIdAsOfTime(table, millis));
      } catch (IllegalArgumentException e) {
        throw new MissingStageOutputException(
            "table '"
                + name
                + "' had nothing on main at "
                + Instant.ofEpochMilli(millis)
                + " (its oldest kept snapshot is newer)");
      }
    } else {
      chosen = main;
      if (chosen == null) {
        throw new MissingStageOutputException("table '" + name + "' has nothing on main yet");
      }
    }
    SnapshotLineage lineage = SnapshotLineage.of(name, table, chosen);
    Map<String, List<FileAccount>> files = new LinkedHashMap<>();
    boolean found = lineage.manifest() != null && warehouse.exists(lineage.manifest());
    if (found) {
      RunManifest manifest =
          JsonFiles.readVersioned(
              warehouse,
              lineage.manifest(),
              RunManifest.class,
              RunManifest.FORMAT_VERSION,
              "its lineage can be read by the egov version that wrote it");
      manifest.ingest().datasets().forEach(d -> files.put(d.dataset(), d.files()));
    }
    return new TableLineage(lineage, main == null ? null : main.snapshotId(), found, files);
  }

  private static long millis(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(text)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli()
            - 1;
      } catch (DateTimeParseException e) {
        throw new ConfigException(
            "--as-of '"
                + text
                + "': expected a time such as 2026-12-01T08:00:00Z or a date "
                + "such as 2026-12-01");
      }
    }
  }
}
