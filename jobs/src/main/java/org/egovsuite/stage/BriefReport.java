package org.egovsuite.stage;

import java.util.List;

/**
 * The brief written from main after publishing: its files (HTML, PDF per language) and what the
 * brief step warns of (a chart without data, a missing browser for the PDF).
 */
public record BriefReport(String runId, List<String> files, List<String> warnings)
    implements StageReport {
  public BriefReport {
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }
}
