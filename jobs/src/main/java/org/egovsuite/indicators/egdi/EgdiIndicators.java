package org.egovsuite.indicators.egdi;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.egovsuite.indicators.egdi.EgdiColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.EgdiIndicatorConfig;
import org.egovsuite.indicators.stats.BandSummary;
import org.egovsuite.indicators.stats.Banding;
import org.egovsuite.indicators.stats.PeriodChange;
import org.egovsuite.indicators.stats.Ranking;
import org.egovsuite.stage.RowColumns;

/**
 * The UN EGDI tables. Pure transforms of the standardised {@code un_egdi} dataset.
 *
 * <p>{@code egdi_country}: one row per country and survey year with the published EGDI, the EGDI
 * recomputed as mean(OSI, TII, HCI), the competition rank of the published EGDI within the year
 * (and whether it equals the published rank: the UN breaks some ties on unrounded values), the
 * group, and change of value, rank and group since the country's previous survey. Countries flagged
 * {@code unassessed} (no rank, all indices zero) are kept with no rank and no group.
 *
 * <p>{@code egdi_summary}: one row per survey year and group, see {@link BandSummary}.
 */
public final class EgdiIndicators {
  private EgdiIndicators() {}

  public static Dataset<Row> countryTable(Dataset<Row> standardized, EgdiIndicatorConfig config) {
    Dataset<Row> base =
        standardized
            .withColumnRenamed(SOURCE_RANK, RANK_PUBLISHED)
            .withColumn(ASSESSED, not(array_contains(col(RowColumns.ROW_FLAGS), UNASSESSED_FLAG)))
            .withColumn(EGDI_RECOMPUTED, col(OSI).plus(col(TII)).plus(col(HCI)).divide(3.0))
            .withColumn(EGDI_RECOMPUTED_DIFF, col(EGDI).minus(col(EGDI_RECOMPUTED)));
    Dataset<Row> ranked =
        base.withColumn(
                RANK, Ranking.rankOf(EGDI, List.of(SURVEY_YEAR), config.ranking(), col(ASSESSED)))
            .withColumn(RANK_MATCHES_PUBLISHED, col(RANK).eqNullSafe(col(RANK_PUBLISHED)))
            .withColumn(GROUP, when(col(ASSESSED), Banding.bandOf(EGDI, config.bands())))
            .withColumn(GROUP_ORDER, Banding.bandOrder(GROUP, config.bands()));
    Column assessed = col(ASSESSED);
    return ranked
        .withColumn(
            PREVIOUS_YEAR, PeriodChange.previous(SURVEY_YEAR, COUNTRY, SURVEY_YEAR, assessed))
        .withColumn(PREVIOUS_EGDI, PeriodChange.previous(EGDI, COUNTRY, SURVEY_YEAR, assessed))
        .withColumn(PREVIOUS_RANK, PeriodChange.previous(RANK, COUNTRY, SURVEY_YEAR, assessed))
        .withColumn(PREVIOUS_GROUP, PeriodChange.previous(GROUP, COUNTRY, SURVEY_YEAR, assessed))
        .withColumn(
            PREVIOUS_GROUP_ORDER,
            PeriodChange.previous(GROUP_ORDER, COUNTRY, SURVEY_YEAR, assessed))
        .select(
            col(SURVEY_YEAR),
            col(COUNTRY),
            col(ASSESSED),
            col(EGDI),
            col(EGDI_RECOMPUTED),
            col(EGDI_RECOMPUTED_DIFF),
            col(OSI),
            col(TII),
            col(HCI),
            col(EPI),
            col(RANK),
            col(RANK_PUBLISHED),
            col(RANK_MATCHES_PUBLISHED),
            col(GROUP),
            col(GROUP_ORDER),
            col(PREVIOUS_YEAR),
            col(PREVIOUS_EGDI),
            col(EGDI).minus(col(PREVIOUS_EGDI)).as(EGDI_CHANGE),
            col(PREVIOUS_RANK),
            col(PREVIOUS_RANK).minus(col(RANK)).as(RANK_CHANGE),
            col(PREVIOUS_GROUP),
            col(PREVIOUS_GROUP_ORDER).minus(col(GROUP_ORDER)).as(GROUP_CHANGE),
            col(RowColumns.ROW_FLAGS),
            col(RowColumns.SOURCE_FILE),
            col(RowColumns.SOURCE_LINE));
  }

  public static Dataset<Row> summaryTable(Dataset<Row> countryTable, EgdiIndicatorConfig config) {
    Dataset<Row> assessed = countryTable.where(col(ASSESSED));
    return BandSummary.of(assessed, SURVEY_YEAR, EGDI, GROUP, config.bands())
        .withColumnRenamed(BandSummary.BAND_ORDER, GROUP_ORDER)
        .withColumnRenamed(BandSummary.UNITS, "countries")
        .withColumnRenamed(BandSummary.MEAN_VALUE, "mean_egdi")
        .withColumnRenamed(BandSummary.BAND_COUNT, "group_count")
        .withColumnRenamed(BandSummary.BAND_SHARE_PCT, "group_share_pct")
        .withColumnRenamed(BandSummary.BAND_MEAN_VALUE, "group_mean_egdi")
        .withColumnRenamed(BandSummary.BAND_MEAN_DIFF_PCT, "group_mean_diff_pct");
  }
}
