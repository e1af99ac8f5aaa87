package org.egovsuite.config;

import java.util.List;

/**
 * Settings of the UN EGDI indicator job: its input dataset, ranking method and groups. Bands are
 * ordered from the highest {@code min} down; the lowest band should start at the lowest possible
 * value.
 */
public record EgdiIndicatorConfig(String dataset, RankingMethod ranking, List<Band> bands) {
  /**
   * The input columns the UN tables read (the names of {@code EgdiColumns}), checked when the
   * pipeline loads so a dataset without them fails in a second, not in a Spark job.
   */
  public static final List<String> NEEDED_COLUMNS =
      List.of("survey_year", "country_name", "egdi_rank", "egdi", "epi", "osi", "hci", "tii");
}
