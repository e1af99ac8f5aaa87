package org.egovsuite.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.ingest.IngestStage;
import org.egovsuite.quality.QualityStage;
import org.egovsuite.stage.EgovVersion;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.stage.StageState;
import org.egovsuite.warehouse.ConfigHash;
import org.egovsuite.warehouse.SnapshotLineage;

/**
 * What a table's snapshot says about where it comes from, given the datasets the indicators stage
 * recorded for it ({@link TableOutput#datasets()}): its title, lineage and synthetic inputs.
 */
public final class TableSources {
  private TableSources() {}

  /** The synthetic datasets among a table's inputs, with what each is; empty for published data. */
  public static Map<String, String> synthetic(PipelineConfig config, List<String> datasets) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String dataset : datasets) {
      config
          .dataset(dataset)
          .filter(DatasetDefinition::isSynthetic)
          .ifPresent(d -> out.put(dataset, d.synthetic()));
    }
    return out;
  }

  /**
   * The lineage a table's snapshot carries: this run, code and configuration, the runs whose data
   * it used, the quality verdicts of its input datasets and where the run manifest (input files
   * with checksums) is written when the run publishes.
   */
  public static Map<String, String> lineage(JobContext ctx, List<String> datasets) {
    IngestReport ingest =
        StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class, "");
    QualityReport quality =
        StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, "");
    List<SnapshotLineage.Input> inputs = new ArrayList<>();
    for (String dataset : datasets) {
      QualityReport.DatasetQuality checked = quality.dataset(dataset);
      if (checked != null) {
        inputs.add(
            new SnapshotLineage.Input(
                dataset,
                checked.verdict().name(),
                checked.rowsIn(),
                checked.rowsPassed(),
                checked.rowsQuarantined(),
                ctx.config().dataset(dataset).map(DatasetDefinition::synthetic).orElse(null)));
      }
    }
    return SnapshotLineage.properties(
        ctx.runId(),
        EgovVersion.get(),
        ConfigHash.of(ctx.config()),
        ingest.runId(),
        quality.runId(),
        ctx.warehouse().manifest(ctx.runId()),
        inputs);
  }

  /**
   * A defined indicator's table title: the definition's, with what the table holds when it is not
   * the unit table.
   */
  public static String title(IndicatorDefinition definition, String table) {
    return definition.title().en()
        + " / "
        + definition.title().zh()
        + (table.equals(definition.name())
            ? ""
            : " — " + table.substring(definition.name().length() + 1).replace('_', ' '));
  }
}
