package org.egovsuite.cli;

import org.egovsuite.ingest.FileAccount;
import org.egovsuite.publish.TableLineage;
import org.egovsuite.quality.RuleResult;

/** A table version's lineage as the {@code lineage} command prints it. */
final class LineageText {
  private LineageText() {}

  static String render(TableLineage l, String current) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n%s version %s%s%n", l.table(), l.version(), l.version().equals(current) ? " (current)"
        : " (current: " + current + ")"));
    out.append(String.format("  published     %s by run %s%n", l.publishedAt(), l.runId()));
    out.append(String.format("  code          %s%n", l.codeVersion()));
    out.append(String.format("  config sha256 %s%n", l.configSha256()));
    out.append(String.format("  stage runs    ingest %s, quality %s, indicators %s%n", l.ingestRunId(),
        l.qualityRunId(), l.indicatorsRunId()));
    out.append(String.format("  content       %,d rows, %d columns, sha256 %s%n", l.rows(), l.columns().size(),
        l.contentSha256()));
    if (l.inputs().isEmpty()) {
      out.append("  inputs        none (built from the configuration)\n");
    }
    for (TableLineage.Input in : l.inputs()) {
      long failed = in.rules().stream().filter(r -> !r.passed()).map(RuleResult::ruleId).distinct().count();
      long rules = in.rules().stream().map(RuleResult::ruleId).distinct().count();
      out.append(String.format("  input         %s: quality %s (%d rules, %d failing), %,d rows checked, %,d admitted,"
          + " %,d quarantined%n", in.dataset(), in.verdict(), rules, failed, in.rowsChecked(), in.rowsAdmitted(),
          in.rowsQuarantined()));
      for (FileAccount f : in.files()) {
        out.append(String.format("    file        %s%n                sha256 %s, %,d bytes, %,d rows read%n", f.file(),
            f.sha256(), f.bytes(), f.rowsRead()));
      }
    }
    return out.toString();
  }
}
