package org.egovsuite.indicators.egdi;

/** Column names of the UN EGDI dataset and of the egdi_country table. */
public final class EgdiColumns {
  public static final String SURVEY_YEAR = "survey_year";
  public static final String COUNTRY = "country_name";
  public static final String RANK_PUBLISHED = "egdi_rank_published";
  public static final String SOURCE_RANK = "egdi_rank";
  public static final String EGDI = "egdi";
  public static final String EPI = "epi";
  public static final String OSI = "osi";
  public static final String HCI = "hci";
  public static final String TII = "tii";

  public static final String EGDI_RECOMPUTED = "egdi_recomputed";
  public static final String EGDI_RECOMPUTED_DIFF = "egdi_recomputed_diff";
  public static final String ASSESSED = "assessed";
  public static final String RANK = "egdi_rank";
  public static final String RANK_MATCHES_PUBLISHED = "rank_matches_published";
  public static final String GROUP = "egdi_group";
  public static final String GROUP_ORDER = "egdi_group_order";
  public static final String PREVIOUS_YEAR = "previous_survey_year";
  public static final String PREVIOUS_EGDI = "previous_egdi";
  public static final String EGDI_CHANGE = "egdi_change";
  public static final String PREVIOUS_RANK = "previous_rank";

  /** previous rank − rank: positive means the country moved up. */
  public static final String RANK_CHANGE = "rank_change";

  public static final String PREVIOUS_GROUP = "previous_egdi_group";
  public static final String PREVIOUS_GROUP_ORDER = "previous_egdi_group_order";

  /** previous group order − group order: +1 means one group up. */
  public static final String GROUP_CHANGE = "group_change";

  /** Row flag set by the dataset definition for rows with no rank and all-zero indices. */
  public static final String UNASSESSED_FLAG = "unassessed";

  private EgdiColumns() {}
}
