package org.egovsuite.config;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The decision-support statistics of one indicator, shared by every indicator family (see {@code
 * org.egovsuite.indicators.stats.IndicatorStatistics}).
 *
 * @param bands grade bands from the highest {@code min} down
 * @param bandOrAbove cumulative groups such as the report's "high or above"
 * @param groupings columns to average the index by (region, tier)
 * @param covariates what the index is correlated with; the first one also decides the over- and
 *     under-performers
 * @param movers how many risers and fallers per period the movers table lists (0: no table)
 * @param higherIsBetter false for measures where less is better (days to fix, cost, a published
 *     rank): rank 1 is the lowest value, bands run best first from the lowest {@code max}, and an
 *     over-performer lies below the fitted line
 * @param publishedRank the publisher's rank of the units ({@code column} of {@code source}, joined
 *     on {@code on}), compared with ours in {@code rank_published}, {@code rank_diff_published} and
 *     {@code rank_matches_published}; null when the input carries none
 */
public record StatisticsConfig(
    RankingMethod ranking,
    List<Band> bands,
    List<BandOrAbove> bandOrAbove,
    List<Grouping> groupings,
    List<Covariate> covariates,
    Performers performers,
    int movers,
    boolean higherIsBetter,
    Covariate publishedRank)
    implements Serializable {

  public StatisticsConfig(
      RankingMethod ranking,
      List<Band> bands,
      List<BandOrAbove> bandOrAbove,
      List<Grouping> groupings,
      List<Covariate> covariates,
      Performers performers,
      int movers,
      boolean higherIsBetter) {
    this(
        ranking,
        bands,
        bandOrAbove,
        groupings,
        covariates,
        performers,
        movers,
        higherIsBetter,
        null);
  }

  public StatisticsConfig(
      RankingMethod ranking,
      List<Band> bands,
      List<BandOrAbove> bandOrAbove,
      List<Grouping> groupings,
      List<Covariate> covariates,
      Performers performers) {
    this(ranking, bands, bandOrAbove, groupings, covariates, performers, 0, true, null);
  }

  public StatisticsConfig(
      RankingMethod ranking,
      List<Band> bands,
      List<BandOrAbove> bandOrAbove,
      List<Grouping> groupings,
      List<Covariate> covariates,
      Performers performers,
      int movers) {
    this(ranking, bands, bandOrAbove, groupings, covariates, performers, movers, true, null);
  }

  /** Units in band {@code through} or any band above it, reported as group {@code name}. */
  public record BandOrAbove(String name, String through) implements Serializable {}

  /**
   * A column to break the index down by. {@code lookup} (optional) is a CSV file with columns
   * {@code key} and {@code column} joined to the units when the input does not carry it; {@code
   * rank} adds the unit's rank within its group ({@code rank_in_<column>}).
   */
  public record Grouping(String column, String lookup, String key, boolean rank)
      implements Serializable {
    public Grouping(String column, String lookup, String key) {
      this(column, lookup, key, false);
    }

    public String rankColumn() {
      return "rank_in_" + column;
    }

    public Optional<String> lookupFile() {
      return Optional.ofNullable(lookup);
    }
  }

  /**
   * A covariate of the index: {@code column} of dataset or table {@code source}, joined to the
   * units on the columns {@code on} (same names on both sides).
   */
  public record Covariate(String name, String source, String column, List<String> on)
      implements Serializable {}

  /**
   * How over- and under-performers are called. {@code residual}: the index lies at least {@code
   * over} residual standard deviations above (at least {@code under} below) the line fitted on the
   * first covariate. {@code rank_gap}: the index rank is at least {@code over} places better (at
   * least {@code under} worse) than the covariate rank. The two thresholds may differ (over at a
   * gap of +12, under at −20). {@code top} &gt; 0 keeps only the {@code top} furthest of each kind
   * per period.
   */
  public record Performers(Method method, double over, double under, int top)
      implements Serializable {
    public enum Method {
      RESIDUAL,
      RANK_GAP
    }

    public static final Performers DEFAULT = new Performers(Method.RESIDUAL, 1.0);

    /** The same threshold both ways, every unit past it called. */
    public Performers(Method method, double threshold) {
      this(method, threshold, threshold, 0);
    }
  }

  public Optional<Covariate> primaryCovariate() {
    return covariates.isEmpty() ? Optional.empty() : Optional.of(covariates.get(0));
  }
}
