package org.egovsuite.cli;

import java.util.List;
import java.util.Map;
import org.egovsuite.quality.QualityDryRun;
import org.egovsuite.quality.RuleResult;

/** The steward's dry-run result as a text table, then sample failing rows per rule. */
final class RuleTable {
  private RuleTable() {}

  static String render(QualityDryRun.Report report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%ndataset %s, %,d rows (%s)%nrules   %s%n%n",
            report.dataset(), report.rows(), report.data(), report.rulesFile()));
    out.append(
        String.format(
            "  %-36s %-14s %-8s %-10s %-22s %-13s %12s  %-6s  %s%n",
            "rule",
            "kind",
            "severity",
            "action",
            "on",
            "metric",
            "value",
            "result",
            "threshold / message"));
    for (RuleResult r : report.results()) {
      out.append(
          String.format(
              "  %-36s %-14s %-8s %-10s %-22s %-13s %12s  %-6s  %s%n",
              r.ruleId(),
              r.kind(),
              r.severity().name().toLowerCase(java.util.Locale.ROOT),
              r.action().yamlName(),
              r.subject(),
              r.metric() == null ? "-" : r.metric(),
              r.value() == null ? "n/a" : format(r.value()),
              r.passed() ? "pass" : "FAIL",
              r.threshold() + (r.message().isBlank() ? "" : "; " + r.message())));
    }
    out.append(
        String.format(
            "%nverdict %s (one Deequ verification, %d Spark jobs)%n",
            report.verdict(), report.verificationJobs()));
    for (Map.Entry<String, List<String>> e : report.sampleFailingRows().entrySet()) {
      out.append(
          String.format("%nfailing rows of %s (first %d):%n", e.getKey(), e.getValue().size()));
      e.getValue().forEach(row -> out.append("  ").append(row).append('\n'));
    }
    return out.toString();
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format("%,d", (long) value)
        : String.format("%.6f", value);
  }
}
