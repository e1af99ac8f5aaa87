package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.indicators.checklist.ChecklistIndex;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.stats.IndicatorStatistics;

/**
 * A checklist index over one survey per period ({@code type: checklist}), ranked by index or share.
 */
final class ChecklistKind implements IndicatorKind<ChecklistIndicator> {
  @Override
  public Class<ChecklistIndicator> definitionType() {
    return ChecklistIndicator.class;
  }

  @Override
  public Set<String> inputs(ChecklistIndicator c) {
    Set<String> out = new LinkedHashSet<>();
    c.inputs().forEach(i -> out.add(i.dataset()));
    RankedStatistics.addInputs(c.statistics(), out);
    return out;
  }

  @Override
  public Dataset<Row> units(
      ChecklistIndicator c,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return IndicatorStatistics.units(
        ChecklistIndex.units(sources, c),
        c.unit(),
        c.period(),
        value(c),
        c.statistics(),
        sources,
        lookups);
  }

  @Override
  public Map<String, Dataset<Row>> summaries(
      ChecklistIndicator c,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return RankedStatistics.summaries(c, units, value(c), c.statistics());
  }

  @Override
  public Optional<String> rankedValue(ChecklistIndicator c) {
    return Optional.of(value(c));
  }

  private static String value(ChecklistIndicator c) {
    return c.value().equals("index") ? ChecklistIndex.INDEX : ChecklistIndex.SHARE;
  }

  @Override
  public void addColumns(ChecklistIndicator c, Map<String, ColumnMeaning> out) {
    for (ChecklistIndicator.Criterion criterion : c.criteria()) {
      for (ChecklistIndicator.Item item : criterion.items()) {
        out.put(
            item.column(),
            of(
                "0/1",
                "checklist indicator '"
                    + item.column()
                    + "' met (criterion "
                    + criterion.title().en()
                    + ")",
                "检查项 " + item.column() + " 是否满足（" + criterion.title().zh() + "）",
                "input; weight " + item.weight()));
      }
      out.put(
          criterion.name() + ChecklistIndex.SHARE_SUFFIX,
          of(
              "share 0–1",
              "weighted share of the " + criterion.title().en() + " indicators met",
              criterion.title().zh() + "得分率",
              "Σ weight × met / Σ weight over "
                  + criterion.items().stream()
                      .map(ChecklistIndicator.Item::column)
                      .collect(Collectors.joining(", "))));
    }
    String weights =
        c.items().stream()
            .map(i -> String.format(Locale.ROOT, "%s×%s", i.weight(), i.column()))
            .collect(Collectors.joining(" + "));
    out.put(
        ChecklistIndex.INDEX,
        of(
            "points",
            c.title().en() + ": weighted sum of indicators met",
            c.title().zh() + "（加权得分）",
            weights));
    out.put(
        ChecklistIndex.SHARE,
        of(
            "share 0–1",
            c.title().en() + ": weighted share of indicators met",
            c.title().zh() + "（加权得分率）",
            "checklist_index / Σ weight"));
    out.put(
        ChecklistIndex.INDICATORS_MET, of("indicators", "indicators met, unweighted", "满足的检查项数"));
    out.put(
        ChecklistIndex.ASSESSED,
        of("", "every indicator was assessed (otherwise no index)", "是否全部检查项已评估"));
    out.put(
        ChecklistIndex.UNIT_FIXED,
        of(
            "",
            "the unit code was corrected by the indicator definition's unit_fixes",
            "单位代码是否按定义更正"));
    c.carry()
        .forEach(col -> out.put(col, of("", "'" + col + "' copied from the input", "输入列 " + col)));
    RankedStatistics.addColumns(c.statistics(), out);
  }
}
