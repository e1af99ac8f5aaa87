package org.egovsuite.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import org.egovsuite.stage.StageListener;
import org.egovsuite.stage.TableOutput;
import org.egovsuite.warehouse.JsonFiles;

/**
 * The human side of the CLI: one line when a stage starts and when it ends, then a short summary.
 * {@code --quiet} drops the progress lines (header, start, done) and keeps the answer: warnings, a
 * query's result, a rule table, the summary; {@code --json} prints only the JSON summary.
 */
final class Console implements StageListener {
  private final PrintStream out;
  private final boolean quiet;
  private final boolean json;

  /** Each stage's first start and last finish (ms since the epoch), in the order they started. */
  private final java.util.Map<String, long[]> stageSpans = new java.util.LinkedHashMap<>();

  private final long created = System.currentTimeMillis();

  Console(PrintStream out, boolean quiet, boolean json) {
    this.out = out;
    this.quiet = quiet;
    this.json = json;
  }

  /** Longest stage line printed: a value from a file (a 2 MB cell) must not become a 2 MB line. */
  static final int MAX_LINE = 400;

  private boolean human() {
    return !quiet && !json;
  }

  /** The text cut to {@link #MAX_LINE} characters with "…". */
  static String cut(String text) {
    return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
  }

  void header(String command, String runId, String warehouse) {
    if (human()) {
      out.printf("egov %s  run %s  warehouse %s%n", command, runId, warehouse);
    }
  }

  /** A line of its own under the header. */
  void note(String text) {
    if (human()) {
      out.printf("  %s%n", text);
    }
  }

  @Override
  public void started(String stage, String what) {
    synchronized (stageSpans) {
      long now = System.currentTimeMillis();
      stageSpans.computeIfAbsent(stage, k -> new long[] {now, now});
    }
    if (human()) {
      out.printf("  %-10s start  %s%n", stage, cut(what));
    }
  }

  @Override
  public void finished(String stage, String summary, long millis) {
    synchronized (stageSpans) {
      long now = System.currentTimeMillis();
      stageSpans.computeIfAbsent(stage, k -> new long[] {now - millis, now})[1] = now;
    }
    if (human()) {
      out.printf("  %-10s done   %s (%.1f s)%n", stage, cut(summary), millis / 1000.0);
    }
  }

  @Override
  public void warning(String stage, String message) {
    if (!json) {
      out.printf("  %-10s WARN   %s%n", stage, cut(message));
    }
  }

  @Override
  public void text(String block) {
    if (!json) {
      out.print(block.endsWith("\n") ? block : block + "\n");
    }
  }

  void summary(RunSummary s) {
    if (json) {
      try {
        out.println(JsonFiles.MAPPER.writeValueAsString(s));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("summary is plain data", e);
      }
      return;
    }
    out.println("summary");
    s.datasets.forEach(
        d ->
            out.printf(
                "  data     %-12s %,d rows read = %,d accepted + %,d quarantined%s%n",
                d.dataset(),
                d.rowsRead(),
                d.rowsAccepted(),
                d.rowsQuarantined(),
                d.lines() < 0
                    ? ""
                    : String.format(
                        "; %,d lines = %,d in records + %,d header, blank or footer",
                        d.lines(), d.recordLines(), d.lines() - d.recordLines())));
    s.quality.forEach(
        q ->
            out.printf(
                "  quality  %-12s %s (%d rules, %d failed)%s%n",
                q.dataset(),
                q.verdict(),
                q.rules(),
                q.failedRules(),
                q.rowsQuarantined() == 0
                    ? ""
                    : String.format(
                        "; %,d rows passed + %,d quarantined",
                        q.rowsPassed(), q.rowsQuarantined())));
    for (TableOutput t : s.tables) {
      out.printf("  table    %-12s %,d rows  %s%n", t.name(), t.rows(), t.path());
    }
    if (s.qualityReport != null) {
      out.printf("  report   %s%n", s.qualityReport);
    }
    s.withheld.forEach(w -> out.printf("  withheld %s%n", w));
    if (s.manifest != null) {
      out.printf("  manifest %s%n", s.manifest);
    }
    s.brief.forEach(file -> out.printf("  brief    %s%n", file));
    String spans = stageSpans();
    if (!spans.isEmpty()) {
      out.printf("  stages   %s%n", spans);
    }
    out.printf(
        "  %s in %.1f s%s%n",
        s.exitCode == 0 ? "finished" : "FAILED (exit " + s.exitCode + ")",
        s.wallSeconds,
        s.logFile == null ? "" : "; log " + s.logFile);
  }

  /** Wall time of each stage, first start to last finish: where a run's time went. */
  private String stageSpans() {
    synchronized (stageSpans) {
      if (stageSpans.isEmpty()) {
        return "";
      }
      // Before the first stage: the Spark session, the catalog, the configuration.
      String start =
          String.format(
              "setup %.1f s, ", (stageSpans.values().iterator().next()[0] - created) / 1000.0);
      return start
          + String.join(
              ", ",
              stageSpans.entrySet().stream()
                  .map(
                      e ->
                          String.format(
                              "%s %.1f s",
                              e.getKey(), (e.getValue()[1] - e.getValue()[0]) / 1000.0))
                  .toList());
    }
  }
}
