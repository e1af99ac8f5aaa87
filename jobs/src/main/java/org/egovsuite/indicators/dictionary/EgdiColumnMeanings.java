package org.egovsuite.indicators.dictionary;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Meanings of the columns of the UN EGDI tables (egdi_country, egdi_summary). */
final class EgdiColumnMeanings {
  private static final Map<String, ColumnMeaning> MEANINGS = new HashMap<>();

  static {
    MEANINGS.put("survey_year", of("year", "UN E-Government Survey edition", "联合国电子政务调查年份"));
    MEANINGS.put("country_name", of("", "country, UN name with spaces trimmed", "国家"));
    MEANINGS.put(
        "assessed",
        of(
            "",
            "false for countries the survey lists with no rank and all-zero indices",
            "是否参评（无排名且各指数为零者为否）"));
    MEANINGS.put(
        "egdi", of("index 0–1", "E-Government Development Index as published", "电子政务发展指数（公布值）"));
    MEANINGS.put(
        "egdi_recomputed",
        of(
            "index 0–1",
            "EGDI recomputed from its components",
            "由分项重算的 EGDI",
            "(osi + tii + hci) / 3"));
    MEANINGS.put(
        "egdi_recomputed_diff",
        of("index", "published minus recomputed EGDI", "公布值与重算值之差", "egdi − egdi_recomputed"));
    MEANINGS.put("osi", of("index 0–1", "Online Service Index", "在线服务指数"));
    MEANINGS.put("tii", of("index 0–1", "Telecommunication Infrastructure Index", "电信基础设施指数"));
    MEANINGS.put("hci", of("index 0–1", "Human Capital Index", "人力资本指数"));
    MEANINGS.put("epi", of("index 0–1", "E-Participation Index", "电子参与指数"));
    MEANINGS.put(
        "egdi_rank",
        of(
            "place",
            "competition rank of the published EGDI in the survey year",
            "EGDI 排名",
            "1 + countries with a strictly higher EGDI"));
    MEANINGS.put("egdi_rank_published", of("place", "rank as published by the UN", "联合国公布排名"));
    MEANINGS.put(
        "rank_matches_published",
        of(
            "",
            "our rank equals the published rank (the UN breaks some ties on unrounded values)",
            "排名是否与公布排名一致"));
    MEANINGS.put(
        "egdi_group",
        of("", "UN EGDI group (Very High ≥ 0.75, High ≥ 0.50, Middle ≥ 0.25, Low)", "EGDI 分组"));
    MEANINGS.put("egdi_group_order", of("", "order of the group, 1 = Very High", "分组序号（1 为非常高）"));
    MEANINGS.put(
        "previous_survey_year", of("year", "the country's previous assessed survey", "上一次调查年份"));
    MEANINGS.put("previous_egdi", of("index 0–1", "EGDI in the previous survey", "上一次 EGDI"));
    MEANINGS.put(
        "egdi_change",
        of("index", "EGDI change since the previous survey", "EGDI 变化", "egdi − previous_egdi"));
    MEANINGS.put("previous_rank", of("place", "rank in the previous survey", "上一次排名"));
    MEANINGS.put(
        "rank_change",
        of(
            "places",
            "places gained since the previous survey",
            "排名变化（正数为上升）",
            "previous_rank − egdi_rank"));
    MEANINGS.put("previous_egdi_group", of("", "group in the previous survey", "上一次分组"));
    MEANINGS.put(
        "group_change",
        of(
            "groups",
            "groups gained since the previous survey",
            "分组变化（正数为上升）",
            "previous group order − group order"));
    MEANINGS.put("countries", of("countries", "assessed countries in the survey year", "参评国家数"));
    MEANINGS.put("mean_egdi", of("index 0–1", "mean EGDI of the survey year", "EGDI 均值"));
    MEANINGS.put("group_count", of("countries", "countries in the group", "该组国家数"));
    MEANINGS.put(
        "group_share_pct",
        of("%", "share of countries in the group", "该组国家占比", "group_count / countries × 100"));
    MEANINGS.put("group_mean_egdi", of("index 0–1", "mean EGDI of the group", "该组 EGDI 均值"));
    MEANINGS.put(
        "group_mean_diff_pct",
        of(
            "%",
            "group mean vs the year's mean",
            "组均值与总体均值之差",
            "(group_mean_egdi − mean_egdi) / mean_egdi × 100"));
  }

  private EgdiColumnMeanings() {}

  static Optional<ColumnMeaning> meaning(String column) {
    return Optional.ofNullable(MEANINGS.get(column));
  }
}
