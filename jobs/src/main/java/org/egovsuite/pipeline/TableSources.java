package org.egovsuite.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.DefinedIndicator;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.publish.ConfigHash;
import org.egovsuite.publish.SnapshotLineage;

/** What a published table is computed from and what it is called, from the configuration. */
final class TableSources {
  private TableSources() {}

  /** The datasets a table is computed from, directly or through the indicator tables it reads. */
  static Set<String> datasets(PipelineConfig config, String table) {
    Set<String> out = new LinkedHashSet<>();
    if (config.egdi() != null && (table.equals(IndicatorStage.EGDI_COUNTRY) || table.equals(IndicatorStage.EGDI_SUMMARY))) {
      out.add(config.egdi().dataset());
    }
    owner(config, table).ifPresent(d -> collect(config, d, out, new LinkedHashSet<>()));
    return out;
  }

  /** The synthetic datasets a table is computed from, with what each is; empty for published data. */
  static Map<String, String> synthetic(PipelineConfig config, String table) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String dataset : datasets(config, table)) {
      config.dataset(dataset).filter(DatasetDefinition::isSynthetic).ifPresent(d -> out.put(dataset, d.synthetic()));
    }
    return out;
  }

  /**
   * The lineage a table's snapshot carries: this run, code and configuration, the runs whose
   * data it used, the quality verdicts of its input datasets and where the run manifest (input
   * files with checksums) is written when the run publishes.
   */
  static Map<String, String> lineage(JobContext ctx, String table) {
    IngestReport ingest = StageState.require(ctx.warehouse(), IngestStage.NAME, IngestReport.class, "");
    QualityReport quality = StageState.require(ctx.warehouse(), QualityStage.NAME, QualityReport.class, "");
    List<SnapshotLineage.Input> inputs = new ArrayList<>();
    for (String dataset : datasets(ctx.config(), table)) {
      QualityReport.DatasetQuality checked = quality.dataset(dataset);
      if (checked != null) {
        inputs.add(new SnapshotLineage.Input(dataset, checked.verdict().name(), checked.rowsIn(),
            checked.rowsPassed(), checked.rowsQuarantined(),
            ctx.config().dataset(dataset).map(DatasetDefinition::synthetic).orElse(null)));
      }
    }
    return SnapshotLineage.properties(ctx.runId(), EgovVersion.get(), configSha256(ctx), ingest.runId(),
        quality.runId(), ctx.warehouse().manifest(ctx.runId()), inputs);
  }

  /** SHA-256 over the pipeline file's folder and the rule files. */
  static String configSha256(JobContext ctx) {
    return ConfigHash.of(ctx.config().home(), List.of(java.nio.file.Path.of(ctx.config().file()).getParent(),
        ctx.config().rulesDir()));
  }

  static String title(PipelineConfig config, String table) {
    if (table.equals(IndicatorStage.EGDI_COUNTRY) || table.equals(IndicatorStage.EGDI_SUMMARY)) {
      return "UN E-Government Development Index (EGDI) " + (table.equals(IndicatorStage.EGDI_COUNTRY)
          ? "by country and survey" : "groups by survey") + " / 联合国电子政务发展指数";
    }
    if (table.equals(DataDictionary.TABLE)) {
      return "Data dictionary of the published tables / 数据字典";
    }
    return owner(config, table).map(d -> d.title().en() + " / " + d.title().zh()
        + (table.equals(d.name()) ? "" : " — " + table.substring(d.name().length() + 1).replace('_', ' ')))
        .orElse(null);
  }

  /** The definition whose tables are named after it (the longest matching name wins). */
  private static Optional<IndicatorDefinition> owner(PipelineConfig config, String table) {
    return config.indicators().stream()
        .filter(d -> table.equals(d.name()) || table.startsWith(d.name() + "_"))
        .max(Comparator.comparingInt(d -> d.name().length()));
  }

  private static void collect(PipelineConfig config, IndicatorDefinition definition, Set<String> out,
      Set<String> seen) {
    if (!seen.add(definition.name())) {
      return;
    }
    for (String input : DefinedIndicator.inputs(definition)) {
      if (config.dataset(input).isPresent()) {
        out.add(input);
      } else {
        config.indicators().stream().filter(d -> d.name().equals(input)).findFirst()
            .ifPresent(d -> collect(config, d, out, seen));
      }
    }
  }
}
