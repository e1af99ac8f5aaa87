package org.egovsuite.publish.profile;

import java.util.List;

/**
 * One place's profile from the published tables (main of each): for every ranked indicator that
 * covers it, its value, rank and band in every period, its parts (dimensions, sub-indices) against
 * the mean of all units, the other units of its band, and the caveats of the data — quality
 * verdicts of the inputs and synthetic inputs. Written as HTML ({@link ProfilePage}) and, as is, as
 * JSON.
 */
public record PlaceProfile(String query, String generatedAt, List<Section> sections) {
  public PlaceProfile {
    sections = List.copyOf(sections);
  }

  /**
   * One indicator's view of the place.
   *
   * @param synthetic what the table is computed from that is not real data, or null
   * @param caveats the table's inputs whose quality verdict was not PASSED, in words
   * @param parts the parts in the latest period, strongest against the mean first
   * @param peers the other units of the place's band in the latest period, best ranked first
   */
  public record Section(
      String table,
      String titleEn,
      String titleZh,
      String unit,
      String unitName,
      long snapshotId,
      String synthetic,
      List<String> caveats,
      List<Period> periods,
      List<Part> parts,
      List<String> peers) {
    public Section {
      caveats = List.copyOf(caveats);
      periods = List.copyOf(periods);
      parts = List.copyOf(parts);
      peers = List.copyOf(peers);
    }

    public Period latest() {
      return periods.get(periods.size() - 1);
    }
  }

  /**
   * @param units the units ranked in the period
   * @param mean the mean value of all units in the period
   * @param diffFromMeanPct the value's difference from the mean, in % of the mean
   */
  public record Period(
      String period,
      Double value,
      Long rank,
      long units,
      String band,
      Double mean,
      Double diffFromMeanPct,
      Long rankChange) {}

  /** A part's score against the mean of all units' scores in the same period. */
  public record Part(String column, String titleEn, String titleZh, Double score, Double mean) {
    public Double diff() {
      return score == null || mean == null ? null : score - mean;
    }
  }
}
