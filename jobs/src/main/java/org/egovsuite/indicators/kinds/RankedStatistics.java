package org.egovsuite.indicators.kinds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.stats.IndicatorStatistics;
import org.egovsuite.indicators.stats.Movers;

/**
 * What the kinds that rank their units share through {@code statistics:}: the covariate sources
 * they read, the summary tables, and the meaning of the covariate, grouping and rank columns.
 */
final class RankedStatistics {
  private RankedStatistics() {}

  static void addInputs(StatisticsConfig config, Set<String> out) {
    config.covariates().forEach(v -> out.add(v.source()));
  }

  static Map<String, Dataset<Row>> summaries(
      IndicatorDefinition d, Dataset<Row> units, String value, StatisticsConfig config) {
    Map<String, Dataset<Row>> out =
        new LinkedHashMap<>(
            IndicatorStatistics.summaries(d.name(), units, d.period(), value, config));
    if (config.movers() > 0) {
      out.put(
          d.name() + Movers.SUFFIX,
          Movers.of(units, d.unit(), d.unitName(), d.period(), value, config.movers()));
    }
    return out;
  }

  static void addColumns(StatisticsConfig statistics, Map<String, ColumnMeaning> out) {
    statistics
        .covariates()
        .forEach(
            v ->
                out.put(
                    v.name(),
                    ColumnMeaning.of(
                        "",
                        "covariate: " + v.column() + " of " + v.source(),
                        "协变量：" + v.source() + " 的 " + v.column(),
                        "joined on " + v.on())));
    statistics
        .groupings()
        .forEach(
            g ->
                out.putIfAbsent(
                    g.column(),
                    ColumnMeaning.of(
                        "",
                        "grouping column '"
                            + g.column()
                            + "'"
                            + g.lookupFile().map(f -> " from " + f).orElse(""),
                        "分组列 " + g.column())));
    statistics.groupings().stream()
        .filter(StatisticsConfig.Grouping::rank)
        .forEach(
            g ->
                out.put(
                    g.rankColumn(),
                    ColumnMeaning.of(
                        "place",
                        "rank of the index among the units of the same "
                            + g.column()
                            + " in the period",
                        "同一" + g.column() + "内的期内排名")));
  }
}
