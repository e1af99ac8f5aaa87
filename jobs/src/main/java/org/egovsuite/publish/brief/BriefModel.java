package org.egovsuite.publish.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.NormalisedCompositeIndicator;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.publish.DuckDbQuery;
import org.egovsuite.warehouse.SnapshotLineage;
import org.egovsuite.warehouse.SyntheticLabel;
import org.egovsuite.warehouse.TableCatalog;

/**
 * What a brief's templates can say, from main of the published tables: per ranked indicator its
 * {@link RankedFigures} (by the indicator's name), the figures and charts of {@code
 * conf/brief/figures.yaml} (by their names), and the provenance — which snapshot of which table,
 * the run that wrote it, the inputs' quality verdicts and which inputs are synthetic.
 */
public final class BriefModel {
  /** Each language's charts; the renderer places its language's as {@code charts}. */
  static final String CHARTS_BY_LANGUAGE = "chartsByLanguage";

  private BriefModel() {}

  public static Map<String, Object> build(
      PipelineConfig config, TableCatalog catalog, String year) {
    // one DuckDB for the brief's few dozen queries: each table's file list is read once
    try (DuckDbQuery.Session db = DuckDbQuery.open(catalog, Set.of())) {
      return build(db, config, catalog, year);
    }
  }

  private static Map<String, Object> build(
      DuckDbQuery.Session db, PipelineConfig config, TableCatalog catalog, String year) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("generatedAt", Instant.now().toString());
    Map<String, Map<String, Object>> used = new LinkedHashMap<>();
    for (IndicatorDefinition d : config.indicators()) {
      if (IndicatorKinds.rankedValue(d).isEmpty()
          || !catalog.exists(d.name())
          || catalog.load(d.name()).currentSnapshot() == null) {
        continue;
      }
      Map<String, Object> figures =
          new LinkedHashMap<>(RankedFigures.of(db, catalog, d, bands(d), year));
      figures.put("synthetic", SyntheticLabel.of(catalog.load(d.name())).orElse(null));
      figures.put("bandChart", BriefCharts.bands(figures));
      model.put(d.name(), figures);
      used.put(d.name(), Map.of());
      used.put(d.name() + "_summary", Map.of());
    }
    BriefSpec spec = BriefSpec.load(config.home());
    Map<String, FigureValues.Result> figures = new LinkedHashMap<>();
    for (BriefSpec.Figure figure : spec.figures().values()) {
      FigureValues.Result result = FigureValues.run(db, catalog, figure, year);
      if (result != null) {
        figures.put(figure.name(), result);
        model.put(figure.name(), result.values());
        result.tables().forEach(t -> used.put(t, Map.of()));
      }
    }
    Map<String, Object> charts = new LinkedHashMap<>();
    for (String lang : BriefRenderer.LANGUAGES) {
      charts.put(lang, ChartDrawing.draw(config.home(), spec, figures, lang));
    }
    model.put(CHARTS_BY_LANGUAGE, charts);
    model.put("provenance", provenance(catalog, used.keySet()));
    return model;
  }

  private static List<org.egovsuite.config.Band> bands(IndicatorDefinition d) {
    if (d instanceof CompositeIndicator c) {
      return c.statistics().bands();
    } else if (d instanceof ChecklistIndicator c) {
      return c.statistics().bands();
    } else if (d instanceof NormalisedCompositeIndicator n) {
      return n.statistics().bands();
    }
    return List.of();
  }

  /** Each table the brief read: its snapshot and run; every input once with its verdict. */
  private static Map<String, Object> provenance(TableCatalog catalog, Set<String> tables) {
    List<Map<String, Object>> read = new ArrayList<>();
    Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
    for (String name : tables) {
      if (!catalog.exists(name)) {
        continue;
      }
      Table table = catalog.load(name);
      SnapshotLineage lineage = SnapshotLineage.of(name, table, table.currentSnapshot());
      read.add(
          Map.of(
              "table",
              name,
              "snapshot",
              String.valueOf(lineage.snapshotId()),
              "run",
              String.valueOf(lineage.runId())));
      for (SnapshotLineage.Input in : lineage.inputs()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("dataset", in.dataset());
        entry.put("verdict", in.verdict());
        entry.put("rowsChecked", String.format(java.util.Locale.ROOT, "%,d", in.rowsChecked()));
        entry.put(
            "rowsQuarantined", String.format(java.util.Locale.ROOT, "%,d", in.rowsQuarantined()));
        entry.put("synthetic", in.synthetic());
        inputs.putIfAbsent(in.dataset(), entry);
      }
    }
    return Map.of("tables", read, "inputs", new ArrayList<>(inputs.values()));
  }
}
