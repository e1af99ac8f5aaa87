package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ServiceCatalogueIndicator;
import org.egovsuite.indicators.composite.CatalogueDimensions;
import org.egovsuite.indicators.dictionary.ColumnMeaning;

/**
 * Dimension scores measured from a service-item catalogue ({@code type: service_catalogue}),
 * unranked: a composite indicator listed after it ranks them.
 */
final class ServiceCatalogueKind implements IndicatorKind<ServiceCatalogueIndicator> {
  @Override
  public Class<ServiceCatalogueIndicator> definitionType() {
    return ServiceCatalogueIndicator.class;
  }

  @Override
  public Set<String> inputs(ServiceCatalogueIndicator s) {
    return Set.of(s.dataset());
  }

  @Override
  public Dataset<Row> units(
      ServiceCatalogueIndicator s,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return CatalogueDimensions.of(sources.apply(s.dataset()), s);
  }

  @Override
  public void addColumns(ServiceCatalogueIndicator s, Map<String, ColumnMeaning> out) {
    out.putAll(
        Map.of(
            CatalogueDimensions.ITEMS,
                of("items", "service items catalogued", "目录事项数", "count(" + s.item() + ")"),
            CatalogueDimensions.ITEMS_ONLINE,
                of(
                    "items",
                    "items that can be handled online",
                    "可在线办理事项数",
                    "count(" + s.online() + " = 1)"),
            CatalogueDimensions.COVERAGE,
                of(
                    "score 0–100",
                    "service-item coverage: share of items offered online",
                    "服务事项覆盖性",
                    "100 × items_online / items"),
            CatalogueDimensions.COMPLETENESS,
                of(
                    "score 0–100",
                    "service-mode completeness: mean share of channels offered",
                    "服务方式完备性",
                    "100 × avg(("
                        + String.join(" + ", s.channels())
                        + ") / "
                        + s.channels().size()
                        + ")"),
            CatalogueDimensions.GUIDE_ACCURACY,
                of(
                    "score 0–100",
                    "guide accuracy: mean share of required guide fields present and well formed",
                    "办事指南准确性",
                    "100 × avg(well-formed fields among "
                        + s.guideFields().stream()
                            .map(ServiceCatalogueIndicator.GuideField::column)
                            .collect(Collectors.joining(", "))
                        + " / "
                        + s.guideFields().size()
                        + ")"),
            CatalogueDimensions.INTERACTIVITY,
                of(
                    "score 0–100",
                    "online interactivity: mean share of interactive features",
                    "在线服务交互性",
                    "100 × avg(("
                        + String.join(" + ", s.interactions())
                        + ") / "
                        + s.interactions().size()
                        + ")")));
  }
}
