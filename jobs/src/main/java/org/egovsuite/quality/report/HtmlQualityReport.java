package org.egovsuite.quality.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Locale;
import org.egovsuite.quality.RuleOutline;

/**
 * A self-contained HTML page: inline style and script, an inline SVG trend chart per rule, no
 * request to any other resource, so it opens offline from the warehouse or an e-mail.
 */
public final class HtmlQualityReport {
  private HtmlQualityReport() {}

  public static String render(QualityRunReport report) {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Quality report ")
        .append(escapeHtml4(report.runId()))
        .append("</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n")
        .append("<h1>Quality report</h1>\n<p class=\"meta\">run <code>")
        .append(escapeHtml4(report.runId()))
        .append("</code> · run date ")
        .append(escapeHtml4(report.runDate()))
        .append(" · generated ")
        .append(escapeHtml4(report.generatedAt()))
        .append("</p>\n")
        .append(
            "<label class=\"filter\"><input type=\"checkbox\" id=\"failures-only\"> show failing rules only</label>\n");
    html.append(overview(report.datasets()));
    for (QualityRunReport.DatasetSection d : report.datasets()) {
      html.append(section(d));
    }
    html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static String overview(List<QualityRunReport.DatasetSection> datasets) {
    StringBuilder out =
        new StringBuilder(
            "<table class=\"overview\"><thead><tr><th>dataset</th><th>verdict</th>"
                + "<th>rules</th><th>failed</th><th>rows checked</th><th>passed</th><th>quarantined by rules</th>"
                + "<th>unreadable at ingest</th></tr></thead><tbody>\n");
    for (QualityRunReport.DatasetSection d : datasets) {
      long rules = d.rules().size();
      long failed = d.rules().stream().filter(r -> !r.passed()).count();
      out.append("<tr><td><a href=\"#ds-")
          .append(escapeHtml4(d.dataset()))
          .append("\">")
          .append(escapeHtml4(d.dataset()))
          .append("</a></td><td class=\"verdict ")
          .append(d.verdict().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(d.verdict())
          .append("</td><td>")
          .append(rules)
          .append("</td><td>")
          .append(failed)
          .append("</td><td>")
          .append(count(d.rowsIn()))
          .append("</td><td>")
          .append(count(d.rowsPassed()))
          .append("</td><td>")
          .append(count(d.rowsQuarantined()))
          .append("</td><td>")
          .append(count(d.ingestQuarantined()))
          .append("</td></tr>\n");
    }
    return out.append("</tbody></table>\n").toString();
  }

  private static String section(QualityRunReport.DatasetSection d) {
    StringBuilder out = new StringBuilder();
    out.append("<section id=\"ds-")
        .append(escapeHtml4(d.dataset()))
        .append("\"><h2>")
        .append(escapeHtml4(d.dataset()))
        .append(" <span class=\"verdict ")
        .append(d.verdict().toLowerCase(Locale.ROOT))
        .append("\">")
        .append(d.verdict())
        .append("</span></h2>\n<p class=\"meta\">rules <code>")
        .append(escapeHtml4(d.rulesFile()))
        .append("</code> · one Deequ verification, ")
        .append(d.verificationJobs())
        .append(" Spark jobs · ")
        .append(count(d.rowsIn()))
        .append(" rows checked = ")
        .append(count(d.rowsPassed()))
        .append(" passed + ")
        .append(count(d.rowsQuarantined()))
        .append(" quarantined</p>\n");
    if (d.newFiles() != null && !d.newFiles().isEmpty()) {
      out.append("<p class=\"warn new-files\">")
          .append(d.newFiles().size())
          .append(
              " input file(s) new since the last run that admitted this dataset (a second copy?): ");
      out.append(
              String.join(
                  ", ",
                  d.newFiles().stream().map(f -> "<code>" + escapeHtml4(f) + "</code>").toList()))
          .append("</p>\n");
    }
    out.append(
        "<table class=\"rules\"><thead><tr><th>rule</th><th>kind</th><th>columns</th><th>action</th>"
            + "<th>result</th><th>value</th><th>needs</th><th>last runs</th><th>what failed</th></tr></thead><tbody>\n");
    for (QualityRunReport.RuleLine line : d.rules()) {
      RuleOutline rule = line.rule();
      out.append("<tr class=\"rule ")
          .append(line.passed() ? "pass" : "fail")
          .append("\" data-rule=\"")
          .append(escapeHtml4(d.dataset() + "/" + rule.id()))
          .append("\"><td class=\"about\"><code>")
          .append(escapeHtml4(rule.id()))
          .append("</code>");
      if (!rule.description().isBlank()) {
        out.append("<div class=\"desc\">").append(escapeHtml4(rule.description())).append("</div>");
      }
      if (rule.owner() != null && !rule.owner().isBlank()) {
        out.append("<div class=\"meta\">owner: ")
            .append(escapeHtml4(rule.owner()))
            .append("</div>");
      }
      out.append("</td><td class=\"nowrap\">")
          .append(escapeHtml4(rule.kind()))
          .append("</td><td class=\"cols\">")
          .append(
              rule.columns().isEmpty()
                  ? "<span class=\"meta\">rows</span>"
                  : String.join(
                      ", ",
                      rule.columns().stream()
                          .map(c -> "<code>" + escapeHtml4(c) + "</code>")
                          .toList()))
          .append("</td><td class=\"nowrap\">")
          .append(line.action())
          .append(" <span class=\"meta\">(")
          .append(line.severity())
          .append(")</span></td><td class=\"result nowrap\">")
          .append(line.passed() ? "pass" : "FAIL")
          .append("</td><td class=\"num nowrap\">")
          .append(line.value() == null ? "n/a" : TrendChart.number(line.value()))
          .append(
              line.metric() == null
                  ? ""
                  : "<div class=\"meta\">" + escapeHtml4(line.metric()) + "</div>")
          .append("</td><td class=\"needs\">")
          .append(escapeHtml4(line.threshold()))
          .append("</td><td class=\"nowrap\">")
          .append(TrendChart.svg(line.trend(), rule.lowest(), rule.highest()))
          .append("</td><td class=\"finding\">")
          .append(String.join("<br>", line.findings().stream().map(f -> escapeHtml4(f)).toList()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
    for (QualityRunReport.RuleLine line : d.rules()) {
      if (!line.passed() && !line.samples().isEmpty()) {
        out.append("<h3 class=\"rule-samples\">Failing rows of <code>")
            .append(escapeHtml4(line.rule().id()))
            .append("</code> (")
            .append(line.action())
            .append(", first ")
            .append(line.samples().size())
            .append(")</h3>\n<ul class=\"samples\">");
        line.samples()
            .forEach(
                row -> out.append("<li><code>").append(escapeHtml4(row)).append("</code></li>"));
        out.append("</ul>\n");
      }
    }
    out.append(
        samples("Rows set aside by quarantine rules", d.rowsQuarantined(), d.qualitySamples()));
    out.append(samples("Records ingest could not read", d.ingestQuarantined(), d.ingestSamples()));
    return out.append("</section>\n").toString();
  }

  private static String samples(
      String title, long total, List<QualityRunReport.QuarantinedRow> rows) {
    if (total == 0) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("<h3>")
            .append(title)
            .append(": ")
            .append(count(total))
            .append(" (first ")
            .append(rows.size())
            .append(
                ")</h3>\n<table class=\"samples\"><thead><tr><th>reason</th>"
                    + "<th>row</th></tr></thead><tbody>\n");
    for (QualityRunReport.QuarantinedRow row : rows) {
      out.append("<tr><td>")
          .append(escapeHtml4(row.reason()))
          .append("</td><td><code>")
          .append(escapeHtml4(row.row()))
          .append("</code></td></tr>\n");
    }
    return out.append("</tbody></table>\n").toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d2433}
      h1{margin:0 0 .2rem}h2{margin:2rem 0 .2rem;font-size:1.2rem}h3{font-size:1rem}
      .meta{color:#5b6475;margin:.2rem 0 .8rem}
      table{border-collapse:collapse;margin:.4rem 0 1rem}
      th,td{border-bottom:1px solid #e2e5ea;padding:.25rem .45rem;text-align:left;vertical-align:top}
      th{background:#f4f6f9;font-weight:600}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      td.about{min-width:14rem;max-width:26rem}td.finding{max-width:30rem}td.cols{max-width:22rem}
      td.cols code{white-space:nowrap}td.needs{min-width:8rem;max-width:14rem}
      .desc{color:#1d2433}.nowrap{white-space:nowrap}code{overflow-wrap:anywhere}
      ul.samples{margin:.2rem 0 1rem;padding-left:1.2rem}ul.samples li{margin:.1rem 0}
      svg.trend text.axis{font-size:9px;font-variant-numeric:tabular-nums}
      tr.fail td{background:#fff4f2}
      .verdict{font-weight:700}.verdict.passed{color:#1a7f37}.verdict.warned{color:#9a6700}.verdict.failed{color:#cf222e}
      .filter{display:block;margin:.5rem 0}
      body.failures-only tr.rule.pass{display:none}
      svg.trend{vertical-align:middle}
      """;

  /** The failing-only filter; marks the page ready so a test can tell the script ran to the end. */
  private static final String SCRIPT =
      """
      (function () {
        var box = document.getElementById('failures-only');
        box.addEventListener('change', function () {
          document.body.classList.toggle('failures-only', box.checked);
        });
        document.body.setAttribute('data-rules', String(document.querySelectorAll('tr.rule').length));
        document.body.setAttribute('data-ready', 'true');
      })();
      """;
}
