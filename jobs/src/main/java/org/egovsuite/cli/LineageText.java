package org.egovsuite.cli;

import org.egovsuite.ingest.FileAccount;
import org.egovsuite.publish.TableLineage;
import org.egovsuite.warehouse.SnapshotLineage;

/** A snapshot's lineage as the {@code lineage} command prints it. */
final class LineageText {
  private LineageText() {}

  static String render(TableLineage lineage) {
    SnapshotLineage l = lineage.snapshot();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n%s snapshot %d%s%n",
            l.table(),
            l.snapshotId(),
            l.current() ? " (main)" : " (main: " + lineage.mainSnapshotId() + ")"));
    out.append(
        String.format(
            "  written       %s by run %s%s%n",
            l.committedAt(),
            l.runId(),
            l.refs().isEmpty() ? "" : "; " + String.join(", ", l.refs())));
    out.append(String.format("  code          %s%n", l.codeVersion()));
    out.append(String.format("  config sha256 %s%n", l.configSha256()));
    out.append(
        String.format(
            "  stage runs    ingest %s, quality %s%n", l.ingestRunId(), l.qualityRunId()));
    out.append(String.format("  content       %,d rows%n", l.rows()));
    out.append(
        String.format(
            "  manifest      %s%s%n",
            l.manifest(),
            lineage.manifestFound() ? "" : " (not written: the run's publish has not finished)"));
    if (l.inputs().isEmpty()) {
      out.append("  inputs        none (built from the configuration)\n");
    }
    for (SnapshotLineage.Input in : l.inputs()) {
      out.append(
          String.format(
              "  input         %s: quality %s, %,d rows checked, %,d admitted, %,d quarantined%n",
              in.dataset(),
              in.verdict(),
              in.rowsChecked(),
              in.rowsAdmitted(),
              in.rowsQuarantined()));
      if (in.synthetic() != null) {
        out.append(String.format("    SYNTHETIC   %s%n", in.synthetic()));
      }
      for (FileAccount f : lineage.files().getOrDefault(in.dataset(), java.util.List.of())) {
        out.append(
            String.format(
                "    file        %s%n                sha256 %s, %,d bytes, %,d rows read%n",
                f.file(), f.sha256(), f.bytes(), f.rowsRead()));
      }
    }
    return out.toString();
  }
}
