package org.egovsuite.indicators.dictionary;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.egovsuite.indicators.stats.BandSummary;
import org.egovsuite.indicators.stats.Correlations;
import org.egovsuite.indicators.stats.GroupMeans;
import org.egovsuite.indicators.stats.Movers;
import org.egovsuite.indicators.stats.StatColumns;

/**
 * Meanings of the columns the statistics engine adds to every indicator, written once here because
 * the engine writes them once.
 */
final class CommonColumns {
  private static final Map<String, ColumnMeaning> MEANINGS = new HashMap<>();

  static {
    put(
        StatColumns.RANK,
        of(
            "place",
            "rank of the index within the period, highest first (competition or dense, per indicator)",
            "期内指数排名（由高到低，按指标配置为竞争排名或密集排名）",
            "competition: 1 + units strictly higher; dense: 1 + distinct higher values"));
    put(
        StatColumns.BAND,
        of(
            "",
            "grade band of the index",
            "等级",
            "first configured band whose min the index reaches"));
    put(StatColumns.BAND_ORDER, of("", "order of the band, 1 = highest", "等级序号（1 为最高）"));
    put(
        StatColumns.PERIOD_MEAN,
        of("index", "mean index of all units in the period", "期内全部单位指数均值", "avg(index)"));
    put(
        StatColumns.ABOVE_MEAN,
        of("", "index strictly above the period mean", "指数是否高于均值", "index > period_mean"));
    put(
        StatColumns.DIFF_FROM_MEAN_PCT,
        of(
            "%",
            "difference from the period mean",
            "与均值的差距",
            "(index − period_mean) / period_mean × 100"));
    put(StatColumns.PREVIOUS_PERIOD, of("", "the unit's previous period with an index", "上一期"));
    put(StatColumns.PREVIOUS_VALUE, of("index", "index in the previous period", "上一期指数"));
    put(
        StatColumns.VALUE_CHANGE,
        of(
            "index",
            "change of the index since the previous period",
            "指数变化",
            "index − previous_value"));
    put(StatColumns.PREVIOUS_RANK, of("place", "rank in the previous period", "上一期排名"));
    put(
        StatColumns.RANK_CHANGE,
        of(
            "places",
            "places gained since the previous period",
            "排名变化（正数为上升）",
            "previous_rank − rank"));
    put(StatColumns.PREVIOUS_BAND, of("", "band in the previous period", "上一期等级"));
    put(
        StatColumns.BAND_CHANGE,
        of(
            "bands",
            "bands gained since the previous period",
            "等级变化（正数为上升）",
            "previous band_order − band_order"));
    put(
        StatColumns.FITTED_VALUE,
        of(
            "index",
            "index predicted by the least-squares line on the first covariate",
            "按第一协变量最小二乘拟合的指数",
            "intercept + slope × covariate"));
    put(
        StatColumns.RESIDUAL,
        of("index", "index minus the fitted value", "残差", "index − fitted_value"));
    put(
        StatColumns.RESIDUAL_Z,
        of(
            "sd",
            "residual in residual standard deviations",
            "标准化残差",
            "residual / sqrt(Σ residual² / (n − 2))"));
    put(
        StatColumns.RANK_WITH_COVARIATE,
        of("place", "rank of the index among units having the covariate", "在有协变量的单位中的指数排名"));
    put(
        StatColumns.COVARIATE_RANK,
        of("place", "rank of the first covariate among units having the index", "协变量排名"));
    put(StatColumns.RANK_PUBLISHED, of("place", "the publisher's rank of the unit", "发布方排名"));
    put(
        StatColumns.RANK_DIFF_PUBLISHED,
        of(
            "places",
            "our rank minus the publisher's: positive = placed lower here",
            "本表排名与发布方排名之差",
            "rank − rank_published"));
    put(StatColumns.RANK_MATCHES_PUBLISHED, of("", "our rank equals the publisher's", "排名与发布方一致"));
    put(
        StatColumns.RANK_GAP,
        of(
            "places",
            "covariate rank minus index rank: positive = e-government ahead of the economy",
            "排名差（正数表示电子政务领先于经济）",
            "covariate_rank − rank_with_covariate"));
    put(
        StatColumns.PERFORMANCE,
        of(
            "",
            "over- or under-performer against the first covariate (null = as expected)",
            "超出/低于预期（空值为符合预期）",
            "residual_z ≥ threshold → over; ≤ −threshold → under (or rank_gap, per indicator)"));

    put(
        BandSummary.GROUP_KIND,
        of(
            "",
            "band, or band_or_above for a cumulative group such as \"high or above\"",
            "等级或累计等级组（如\"高及以上\"）"));
    put(
        BandSummary.BAND_ORDER,
        of("", "order of the band, 1 = highest (a cumulative group: its lowest band)", "等级序号"));
    put(BandSummary.UNITS, of("units", "units with an index in the period", "期内有指数的单位数"));
    put(BandSummary.MEAN_VALUE, of("index", "mean index of the period", "均值", "avg(index)"));
    put(BandSummary.ABOVE_MEAN_COUNT, of("units", "units strictly above the mean", "高于均值的单位数"));
    put(
        BandSummary.ABOVE_MEAN_SHARE_PCT,
        of("%", "share of units above the mean", "高于均值的单位占比", "above_mean_count / units × 100"));
    put(BandSummary.BAND_COUNT, of("units", "units in the band (group)", "该等级单位数"));
    put(
        BandSummary.BAND_SHARE_PCT,
        of("%", "share of units in the band (group)", "该等级单位占比", "band_count / units × 100"));
    put(BandSummary.BAND_MEAN_VALUE, of("index", "mean index of the band (group)", "该等级指数均值"));
    put(
        BandSummary.BAND_MEAN_DIFF_PCT,
        of(
            "%",
            "band mean vs the overall mean",
            "该等级均值与总体均值之差",
            "(band_mean_value − mean_value) / mean_value × 100"));

    put(
        GroupMeans.GROUPING,
        of("", "the column the units are grouped by (region, tier)", "分组依据（地区、层级）"));
    put(GroupMeans.GROUP, of("", "the group", "组别"));
    put(GroupMeans.MEAN_VALUE, of("index", "mean index of the group", "组均值"));
    put(
        GroupMeans.MEAN_DIFF_PCT,
        of(
            "%",
            "group mean vs the period mean of all units",
            "组均值与总体均值之差",
            "(group_mean_value − period mean) / period mean × 100"));
    put(GroupMeans.MAX_VALUE, of("index", "highest index in the group", "组内最高指数"));
    put(GroupMeans.MIN_VALUE, of("index", "lowest index in the group", "组内最低指数"));

    put(
        Movers.DIRECTION,
        of("", "riser (gained places since the previous period) or faller", "上升或下降"));
    put(
        Movers.POSITION,
        of("place", "1 = the largest move of the period in that direction", "变动幅度名次"));

    put(Correlations.COVARIATE, of("", "the covariate the index is correlated with", "协变量"));
    put(Correlations.PEARSON, of("", "Pearson correlation of index and covariate", "皮尔逊相关系数"));
    put(
        Correlations.SPEARMAN,
        of(
            "",
            "Spearman rank correlation (ties share their average rank)",
            "斯皮尔曼等级相关系数",
            "Pearson r of average ranks"));
    put(
        Correlations.SLOPE,
        of(
            "index per covariate unit",
            "slope of the least-squares line index ~ covariate",
            "拟合直线斜率",
            "cov(x, y) / var(x)"));
    put(
        Correlations.INTERCEPT,
        of("index", "intercept of the least-squares line", "拟合直线截距", "mean(y) − slope × mean(x)"));
  }

  private CommonColumns() {}

  private static void put(String column, ColumnMeaning meaning) {
    MEANINGS.put(column, meaning);
  }

  static Optional<ColumnMeaning> meaning(String column) {
    return Optional.ofNullable(MEANINGS.get(column));
  }
}
