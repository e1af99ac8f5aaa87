package org.egovsuite.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.RunManifest;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.Warehouse;

/**
 * Files a dataset's location matches now that it did not match in the last run that admitted the
 * dataset (its quality verdict was not FAILED and the run published, so its manifest holds the
 * files it read). A glob that newly matches a file is often an accident — a second copy of a year
 * published elsewhere — so ingest names them, as a warning and in the manifest.
 */
public final class NewInputFiles {
  private final Warehouse warehouse;
  private List<String> runs;

  /**
   * Manifests read so far, newest first: each run's is read at most once, and only as far back as
   * needed.
   */
  private final List<RunManifest> read = new ArrayList<>();

  NewInputFiles(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** New files, and the run they are new since (null when no earlier run admitted the dataset). */
  public record Found(String sinceRun, List<String> files) {}

  synchronized Found of(String dataset, List<FileAccount> files) {
    for (int i = 0; i < runs().size(); i++) {
      RunManifest m = manifest(i);
      if (m == null) {
        continue;
      }
      Optional<IngestReport.DatasetIngest> ingested =
          m.ingest().datasets().stream().filter(d -> d.dataset().equals(dataset)).findFirst();
      QualityReport.DatasetQuality checked =
          m.quality() == null ? null : m.quality().dataset(dataset);
      if (ingested.isEmpty()
          || checked == null
          || checked.verdict() == QualityOutcome.Verdict.FAILED) {
        continue;
      }
      Set<String> before =
          ingested.get().files().stream().map(FileAccount::file).collect(Collectors.toSet());
      return new Found(
          m.runId(),
          files.stream().map(FileAccount::file).filter(f -> !before.contains(f)).toList());
    }
    return new Found(null, List.of());
  }

  private List<String> runs() {
    if (runs == null) {
      runs = warehouse.runsNewestFirst();
    }
    return runs;
  }

  /** The i-th newest run's manifest, or null for a run that did not publish. */
  private RunManifest manifest(int i) {
    while (read.size() <= i) {
      String path = warehouse.run(runs.get(read.size())) + "/manifest.json";
      read.add(
          warehouse.exists(path)
              ? JsonFiles.readVersioned(
                  warehouse,
                  path,
                  RunManifest.class,
                  RunManifest.FORMAT_VERSION,
                  "a run of another egov version: move its folder out of runs/ or use a new "
                      + "warehouse")
              : null);
    }
    return read.get(i);
  }
}
