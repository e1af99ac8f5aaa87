package org.egovsuite.indicators.dictionary;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.egovsuite.config.AggregateIndicator;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.NormalisedCompositeIndicator;
import org.egovsuite.config.PerCapitaIndicator;
import org.egovsuite.config.ServiceCatalogueIndicator;
import org.egovsuite.indicators.composite.CatalogueDimensions;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.indicators.checklist.ChecklistIndex;
import org.egovsuite.indicators.composite.CompositeIndex;

/**
 * Meanings of the columns an indicator definition names — its units, dimensions, criteria,
 * covariates — taken from the definition itself, so the dictionary follows the configuration.
 */
final class DefinitionColumns {
  private DefinitionColumns() {}

  static Map<String, ColumnMeaning> forDefinition(IndicatorDefinition definition) {
    Map<String, ColumnMeaning> out = new HashMap<>();
    out.put(definition.unit(), of("", "code identifying the unit across periods", "单位代码"));
    out.put(definition.unitName(), of("", "the unit's name (standardised when the dataset definition resolves it)", "单位名称"));
    out.put(definition.period(), of("year", "period (year) of the figures", "年份"));
    if (definition instanceof CompositeIndicator c) {
      composite(c, out);
      statistics(c.statistics(), out);
    } else if (definition instanceof ChecklistIndicator c) {
      checklist(c, out);
      statistics(c.statistics(), out);
    } else if (definition instanceof PerCapitaIndicator p) {
      perCapita(p, out);
    } else if (definition instanceof ServiceCatalogueIndicator s) {
      catalogue(s, out);
    } else if (definition instanceof AggregateIndicator a) {
      aggregate(a, out);
    } else if (definition instanceof NormalisedCompositeIndicator n) {
      normalised(n, out);
      statistics(n.statistics(), out);
    }
    return out;
  }

  private static void composite(CompositeIndicator c, Map<String, ColumnMeaning> out) {
    for (CompositeIndicator.Dimension d : c.dimensions()) {
      out.put(d.column(), of(d.unit(), d.title().en(), d.title().zh(), "input; weight " + d.weight()));
    }
    String column = c.composite().column();
    out.put(column, of("score", c.title().en() + " (composite)", c.title().zh() + "（综合指数）",
        c.composite().authoritative() ? "supplied composite (authoritative)" : CompositeIndex.weightedSql(c)));
    out.put(column + CompositeIndex.SUPPLIED_SUFFIX, of("score", "composite as supplied in the input", "输入中给出的综合指数"));
    out.put(column + CompositeIndex.SUPPLIED_DIFF_SUFFIX, of("score", "supplied minus weighted composite",
        "给出值与加权计算值之差", "supplied − (" + CompositeIndex.weightedSql(c) + ")"));
    out.put(CompositeIndex.DIMENSION, of("", "dimension column", "维度列名"));
    out.put(CompositeIndex.DIMENSION_EN, of("", "dimension name in English", "维度英文名"));
    out.put(CompositeIndex.DIMENSION_ZH, of("", "dimension name in Chinese", "维度中文名"));
    out.put(CompositeIndex.WEIGHT, of("", "weight of the dimension in the composite", "维度权重"));
    out.put(CompositeIndex.UNITS, of("units", "units with a score for the dimension", "有该维度得分的单位数"));
    out.put(CompositeIndex.MEAN_SCORE, of("score", "mean score of the dimension", "维度平均得分", "avg(dimension)"));
  }

  private static void checklist(ChecklistIndicator c, Map<String, ColumnMeaning> out) {
    for (ChecklistIndicator.Criterion criterion : c.criteria()) {
      for (ChecklistIndicator.Item item : criterion.items()) {
        out.put(item.column(), of("0/1", "checklist indicator '" + item.column() + "' met (criterion "
            + criterion.title().en() + ")", "检查项 " + item.column() + " 是否满足（" + criterion.title().zh() + "）",
            "input; weight " + item.weight()));
      }
      out.put(criterion.name() + ChecklistIndex.SHARE_SUFFIX, of("share 0–1", "weighted share of the "
          + criterion.title().en() + " indicators met", criterion.title().zh() + "得分率",
          "Σ weight × met / Σ weight over " + criterion.items().stream().map(ChecklistIndicator.Item::column)
              .collect(Collectors.joining(", "))));
    }
    String weights = c.items().stream().map(i -> String.format(Locale.ROOT, "%s×%s", i.weight(), i.column()))
        .collect(Collectors.joining(" + "));
    out.put(ChecklistIndex.INDEX, of("points", c.title().en() + ": weighted sum of indicators met",
        c.title().zh() + "（加权得分）", weights));
    out.put(ChecklistIndex.SHARE, of("share 0–1", c.title().en() + ": weighted share of indicators met",
        c.title().zh() + "（加权得分率）", "checklist_index / Σ weight"));
    out.put(ChecklistIndex.INDICATORS_MET, of("indicators", "indicators met, unweighted", "满足的检查项数"));
    out.put(ChecklistIndex.ASSESSED, of("", "every indicator was assessed (otherwise no index)", "是否全部检查项已评估"));
    out.put(ChecklistIndex.UNIT_FIXED, of("", "the unit code was corrected by the indicator definition's unit_fixes",
        "单位代码是否按定义更正"));
    c.carry().forEach(col -> out.put(col, of("", "'" + col + "' copied from the input", "输入列 " + col)));
  }

  private static void catalogue(ServiceCatalogueIndicator s, Map<String, ColumnMeaning> out) {
    out.put(CatalogueDimensions.ITEMS, of("items", "service items catalogued", "目录事项数", "count(" + s.item() + ")"));
    out.put(CatalogueDimensions.ITEMS_ONLINE, of("items", "items that can be handled online", "可在线办理事项数",
        "count(" + s.online() + " = 1)"));
    out.put(CatalogueDimensions.COVERAGE, of("score 0–100", "service-item coverage: share of items offered online",
        "服务事项覆盖性", "100 × items_online / items"));
    out.put(CatalogueDimensions.COMPLETENESS, of("score 0–100", "service-mode completeness: mean share of channels offered",
        "服务方式完备性", "100 × avg((" + String.join(" + ", s.channels()) + ") / " + s.channels().size() + ")"));
    out.put(CatalogueDimensions.GUIDE_ACCURACY, of("score 0–100",
        "guide accuracy: mean share of required guide fields present and well formed", "办事指南准确性",
        "100 × avg(well-formed fields among " + s.guideFields().stream().map(ServiceCatalogueIndicator.GuideField::column)
            .collect(Collectors.joining(", ")) + " / " + s.guideFields().size() + ")"));
    out.put(CatalogueDimensions.INTERACTIVITY, of("score 0–100", "online interactivity: mean share of interactive features",
        "在线服务交互性", "100 × avg((" + String.join(" + ", s.interactions()) + ") / " + s.interactions().size() + ")"));
  }

  private static void aggregate(AggregateIndicator a, Map<String, ColumnMeaning> out) {
    for (AggregateIndicator.Measure m : a.measures()) {
      out.put(m.column(), of(m.unit(), m.title().en(), m.title().zh(), m.sql()
          + (a.deduplicate().isEmpty() ? "" : " (first row per " + a.deduplicate() + ")")
          + a.whereCondition().map(w -> " where " + w).orElse("")));
    }
    a.breakdowns().forEach(b -> b.by().forEach(c -> out.putIfAbsent(c, of("", "breakdown column '" + c + "'",
        "分组列 " + c))));
    a.derive().forEach((c, sql) -> out.putIfAbsent(c, of("", "derived column '" + c + "'", "派生列 " + c, sql)));
  }

  private static void normalised(NormalisedCompositeIndicator n, Map<String, ColumnMeaning> out) {
    for (NormalisedCompositeIndicator.SubIndex s : n.subIndices()) {
      String members = s.indicators().stream().map(NormalisedCompositeIndicator.SubIndicator::name)
          .collect(Collectors.joining(", "));
      out.put(s.name(), of("0–1", "sub-index: " + s.title().en(), "分项指数：" + s.title().zh(),
          "min–max over the period of the weighted mean z-score of " + members + "; weight " + s.weight()));
      for (NormalisedCompositeIndicator.SubIndicator i : s.indicators()) {
        out.put(i.name(), of(i.unitOfMeasure(), i.title().en(), i.title().zh(), "input: " + i.column() + " of "
            + i.source() + "; weight " + i.weight() + (i.lowerIsBetter() ? "; lower is better" : "")
            + (i.missingIsZero() ? "; 0 when missing" : "")));
      }
    }
    String weights = n.subIndices().stream().map(s -> s.weight() + "×" + s.name()).collect(Collectors.joining(" + "));
    double total = n.subIndices().stream().mapToDouble(NormalisedCompositeIndicator.SubIndex::weight).sum();
    out.put(n.column(), of("0–1", n.title().en(), n.title().zh(), "(" + weights + ") / " + total));
    out.put(NormalisedCompositeIndicator.ASSESSED, of("", "every sub-indicator present (otherwise no index)",
        "是否全部分项指标齐全"));
  }

  private static void perCapita(PerCapitaIndicator p, Map<String, ColumnMeaning> out) {
    PerCapitaIndicator.Side n = p.numerator();
    PerCapitaIndicator.Side d = p.denominator();
    out.put(n.column(), of(n.unit(), n.title().en(), n.title().zh(), "input indicator " + n.indicator()));
    out.put(d.column(), of(d.unit(), d.title().en(), d.title().zh(), "input indicator " + d.indicator()));
    out.put(p.column(), of(p.columnUnit(), p.title().en(), p.title().zh(),
        n.column() + " × " + n.factor() + " / (" + d.column() + " × " + d.factor() + ")"));
  }

  private static void statistics(StatisticsConfig statistics, Map<String, ColumnMeaning> out) {
    statistics.covariates().forEach(v -> out.put(v.name(), of("", "covariate: " + v.column() + " of " + v.source(),
        "协变量：" + v.source() + " 的 " + v.column(), "joined on " + v.on())));
    statistics.groupings().forEach(g -> out.putIfAbsent(g.column(), of("", "grouping column '" + g.column() + "'"
        + g.lookupFile().map(f -> " from " + f).orElse(""), "分组列 " + g.column())));
    statistics.groupings().stream().filter(StatisticsConfig.Grouping::rank).forEach(g -> out.put(g.rankColumn(),
        of("place", "rank of the index among the units of the same " + g.column() + " in the period",
            "同一" + g.column() + "内的期内排名")));
  }

  /** The tables of a definition: its own name, or its name and a known suffix. */
  static boolean owns(IndicatorDefinition definition, String table) {
    return table.equals(definition.name()) || table.startsWith(definition.name() + "_");
  }
}
