package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.StatisticsConfig;
import org.egovsuite.config.StatisticsConfig.Covariate;
import org.egovsuite.config.StatisticsConfig.Grouping;

/**
 * The one statistics engine every indicator goes through: joins the configured covariates and
 * grouping lookups to the units, annotates them ({@link UnitStatistics}) and derives the summary
 * tables — bands ({@link BandSummary}), group means ({@link GroupMeans}) and correlations ({@link
 * Correlations}) — with display columns rounded the report's way.
 */
public final class IndicatorStatistics {
  public static final String SUMMARY = "_summary";
  public static final String GROUP_MEANS = "_group_means";
  public static final String CORRELATION = "_correlation";

  private IndicatorStatistics() {}

  /**
   * The unit table: the units with their covariates and grouping columns joined, annotated by
   * {@link UnitStatistics}.
   *
   * @param sources a dataset or table by name (covariate sources)
   * @param lookups a grouping lookup CSV by configured path
   */
  public static Dataset<Row> units(
      Dataset<Row> units,
      String unit,
      String period,
      String value,
      StatisticsConfig config,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    Dataset<Row> joined = units;
    for (Covariate covariate : config.covariates()) {
      joined = joinCovariate(joined, covariate, sources.apply(covariate.source()));
    }
    if (config.publishedRank() != null) {
      // The publisher's rank is joined like a covariate, so every indicator type can be compared.
      joined =
          joinCovariate(
              joined, config.publishedRank(), sources.apply(config.publishedRank().source()));
    }
    for (Grouping grouping : config.groupings()) {
      if (grouping.lookupFile().isPresent()) {
        Dataset<Row> lookup =
            lookups
                .apply(grouping.lookup())
                .select(
                    col(grouping.key())
                        .cast(joined.schema().apply(grouping.key()).dataType())
                        .as(grouping.key()),
                    col(grouping.column()));
        joined =
            joined
                .join(
                    lookup, joined.col(grouping.key()).equalTo(lookup.col(grouping.key())), "left")
                .drop(lookup.col(grouping.key()));
      }
    }
    return UnitStatistics.annotate(joined, unit, period, value, config);
  }

  /**
   * The summary tables of an indicator by table name, from its unit table as written (reading the
   * written table keeps each summary's query plan small).
   */
  public static Map<String, Dataset<Row>> summaries(
      String name, Dataset<Row> annotated, String period, String value, StatisticsConfig config) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    Dataset<Row> summary =
        BandSummary.of(
            annotated, period, value, StatColumns.BAND, config.bands(), config.bandOrAbove());
    out.put(
        name + SUMMARY,
        DisplayRounding.withDisplay(
            summary,
            BandSummary.MEAN_VALUE,
            BandSummary.ABOVE_MEAN_SHARE_PCT,
            BandSummary.BAND_SHARE_PCT,
            BandSummary.BAND_MEAN_VALUE,
            BandSummary.BAND_MEAN_DIFF_PCT));
    if (!config.groupings().isEmpty()) {
      out.put(
          name + GROUP_MEANS,
          DisplayRounding.withDisplay(
              GroupMeans.of(
                  annotated,
                  period,
                  value,
                  config.groupings().stream().map(Grouping::column).toList()),
              GroupMeans.MEAN_VALUE,
              GroupMeans.MEAN_DIFF_PCT));
    }
    if (!config.covariates().isEmpty()) {
      out.put(
          name + CORRELATION,
          Correlations.of(
              annotated,
              period,
              value,
              config.covariates().stream().map(Covariate::name).toList()));
    }
    return out;
  }

  /**
   * Left join, so no unit is lost for want of a covariate. The source must hold at most one row per
   * key; several would multiply units, so they are refused with the key that repeats.
   */
  private static Dataset<Row> joinCovariate(
      Dataset<Row> units, Covariate covariate, Dataset<Row> source) {
    List<String> on = covariate.on();
    List<Column> selected = new ArrayList<>();
    on.forEach(k -> selected.add(col(k).cast(units.schema().apply(k).dataType()).as(k)));
    selected.add(col(covariate.column()).cast("double").as(covariate.name()));
    Dataset<Row> values =
        source.where(col(covariate.column()).isNotNull()).select(selected.toArray(Column[]::new));
    List<Row> repeated =
        values
            .groupBy(on.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .count()
            .where(col("count").gt(1))
            .limit(1)
            .collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalStateException(
          "covariate "
              + covariate.name()
              + ": source "
              + covariate.source()
              + " has "
              + repeated.get(0).getLong(repeated.get(0).size() - 1)
              + " rows for "
              + on
              + " = "
              + repeated.get(0).toString()
              + "; expected at most one");
    }
    Column condition = null;
    for (String k : on) {
      Column c = units.col(k).equalTo(values.col(k));
      condition = condition == null ? c : condition.and(c);
    }
    Dataset<Row> joined = units.join(values, condition, "left");
    for (String k : on) {
      joined = joined.drop(values.col(k));
    }
    return joined;
  }
}
