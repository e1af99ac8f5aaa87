package org.egovsuite.indicators.stats;

/**
 * Names of the columns the statistics engine adds, the same in every indicator table so that the
 * data dictionary describes them once ({@link StatisticsDictionary}).
 */
public final class StatColumns {
  public static final String RANK = "rank";
  public static final String BAND = "band";
  public static final String BAND_ORDER = "band_order";
  public static final String PERIOD_MEAN = "period_mean";
  public static final String ABOVE_MEAN = "above_mean";
  public static final String DIFF_FROM_MEAN_PCT = "diff_from_mean_pct";
  public static final String PREVIOUS_PERIOD = "previous_period";
  public static final String PREVIOUS_VALUE = "previous_value";
  public static final String VALUE_CHANGE = "value_change";
  public static final String PREVIOUS_RANK = "previous_rank";

  /** previous rank − rank: positive means the unit moved up. */
  public static final String RANK_CHANGE = "rank_change";

  public static final String PREVIOUS_BAND = "previous_band";

  /** previous band order − band order: +1 means one band up. */
  public static final String BAND_CHANGE = "band_change";

  public static final String FITTED_VALUE = "fitted_value";
  public static final String RESIDUAL = "residual";
  public static final String RESIDUAL_Z = "residual_z";
  public static final String RANK_WITH_COVARIATE = "rank_with_covariate";
  public static final String COVARIATE_RANK = "covariate_rank";

  /** covariate rank − index rank among units with both: positive means the index ranks better. */
  public static final String RANK_GAP = "rank_gap";

  /** The publisher's rank of the unit, where the indicator's statistics name one. */
  public static final String RANK_PUBLISHED = "rank_published";

  /** Our rank minus the publisher's: positive = we place the unit lower. */
  public static final String RANK_DIFF_PUBLISHED = "rank_diff_published";

  public static final String RANK_MATCHES_PUBLISHED = "rank_matches_published";

  /** "over", "under" or null. */
  public static final String PERFORMANCE = "performance";

  private StatColumns() {}
}
