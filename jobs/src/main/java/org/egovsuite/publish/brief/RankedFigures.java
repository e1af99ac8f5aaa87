package org.egovsuite.publish.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovsuite.config.Band;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.indicators.kinds.IndicatorKind;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.publish.DuckDbQuery;
import org.egovsuite.warehouse.TableCatalog;

/**
 * The figures a brief states about one ranked indicator in one period, from its published unit,
 * summary and dimension tables: the top five, the mean and how many units are above it, each band
 * with its members, count, share, mean and gap to the mean, the band-or-above pool, the dimension
 * means from strongest to weakest and the units whose dimensions are balanced. Every figure is a
 * display string rounded as the report prints it ({@link Numbers}); both languages' joinings are
 * given, so a template only places them.
 */
final class RankedFigures {
  /** A unit's dimensions are balanced when their highest and lowest differ by at most this. */
  static final double BALANCED_SPREAD = 6.0;

  private static final int NAMED = 5;

  private RankedFigures() {}

  static Map<String, Object> of(
      DuckDbQuery.Session db,
      TableCatalog catalog,
      IndicatorDefinition d,
      List<Band> bands,
      String year) {
    String value = IndicatorKinds.rankedValue(d).orElseThrow();
    String units = "egov." + DuckDbQuery.quoted(d.name());
    String period = DuckDbQuery.quoted(d.period());
    List<String> years =
        query(db, "SELECT DISTINCT CAST(" + period + " AS VARCHAR) FROM " + units + " ORDER BY 1")
            .stream()
            .map(r -> String.valueOf(r.get(0)))
            .toList();
    String chosen = Periods.choose(years, year);
    String inYear = "CAST(" + period + " AS VARCHAR) = " + DuckDbQuery.literal(chosen);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", chosen);
    List<List<Object>> ranked =
        query(
            db,
            "SELECT "
                + DuckDbQuery.quoted(d.unitName())
                + ", rank, band, "
                + DuckDbQuery.quoted(value)
                + " FROM "
                + units
                + " WHERE "
                + inYear
                + " AND rank IS NOT NULL ORDER BY rank");
    if (ranked.isEmpty()) {
      throw new org.egovsuite.config.ConfigException(d.name() + " has no ranked unit in " + chosen);
    }
    List<String> top = ranked.stream().limit(NAMED).map(r -> String.valueOf(r.get(0))).toList();
    out.put("topZh", Names.zh(top));
    out.put("topEn", Names.en(top));
    out.put("top", top.stream().map(n -> Map.of("name", n)).toList());
    out.put("units", ranked.size());
    List<Object> summary =
        query(
                db,
                "SELECT mean_value_display, above_mean_count, "
                    + "above_mean_share_pct_display, mean_value FROM egov."
                    + DuckDbQuery.quoted(d.name() + "_summary")
                    + " WHERE "
                    + inYear
                    + " AND group_kind = 'band' LIMIT 1")
            .get(0);
    out.put("mean", Numbers.fixed(summary.get(0)));
    out.put("aboveCount", summary.get(1));
    out.put("aboveShare", Numbers.fixed(summary.get(2)));
    List<Map<String, Object>> bandRows = new ArrayList<>();
    List<Map<String, Object>> below = new ArrayList<>();
    List<Map<String, Object>> above = new ArrayList<>();
    for (List<Object> r :
        query(
            db,
            "SELECT band, band_count, band_share_pct_display, "
                + "band_mean_value_display, band_mean_diff_pct_display, band_order FROM egov."
                + DuckDbQuery.quoted(d.name() + "_summary")
                + " WHERE "
                + inYear
                + " AND group_kind = 'band' ORDER BY band_order")) {
      String band = String.valueOf(r.get(0));
      List<String> members =
          ranked.stream()
              .filter(u -> band.equals(String.valueOf(u.get(2))))
              .map(u -> String.valueOf(u.get(0)))
              .toList();
      Map<String, Object> b = band(band, members, r, range(bands, band));
      bandRows.add(b);
      (Numbers.negative(r.get(4)) ? below : above).add(b);
    }
    out.put("bands", bandRows);
    out.put("bandsAboveMean", above);
    out.put("bandsBelowMean", below);
    List<Map<String, Object>> pools = new ArrayList<>();
    for (List<Object> r :
        query(
            db,
            "SELECT band, band_count, band_share_pct_display, "
                + "band_mean_value_display, band_mean_diff_pct_display FROM egov."
                + DuckDbQuery.quoted(d.name() + "_summary")
                + " WHERE "
                + inYear
                + " AND group_kind = 'band_or_above' ORDER BY band_order")) {
      pools.add(band(String.valueOf(r.get(0)), List.of(), r, ""));
    }
    out.put("pools", pools);
    List<IndicatorKind.Part> parts = IndicatorKinds.parts(d);
    if (!parts.isEmpty() && catalog.exists(d.name() + CompositeIndex.DIMENSION_MEANS)) {
      out.put("dimensions", dimensions(db, d, inYear));
      out.put("balanced", balanced(db, d, parts, inYear));
    }
    return out;
  }

  private static Map<String, Object> band(
      String name, List<String> members, List<Object> r, String range) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("band", name);
    b.put("range", range);
    b.put("count", r.get(1));
    b.put("share", Numbers.fixed(r.get(2)));
    b.put("mean", Numbers.fixed(r.get(3)));
    b.put("gap", Numbers.fixed(Numbers.abs(r.get(4))));
    b.put("higher", !Numbers.negative(r.get(4)));
    // up to five members named; beyond that three and "等" (and so on)
    boolean all = members.size() <= NAMED;
    List<String> shown = members.stream().map(Names::shortName).limit(all ? NAMED : 3).toList();
    b.put("namesZh", all ? Names.zh(shown) : String.join("、", shown) + "等");
    b.put("namesEn", all ? Names.en(shown) : String.join(", ", shown) + " and others");
    b.put("members", members.stream().map(m -> Map.of("name", m)).toList());
    return b;
  }

  /** "＞90", "80~90", "＜65" from the definition's bands (higher is better, bounds descending). */
  static String range(List<Band> bands, String name) {
    for (int i = 0; i < bands.size(); i++) {
      if (bands.get(i).name().equals(name)) {
        String bound = Numbers.bound(bands.get(i).bound());
        if (i == 0) {
          return "＞" + bound;
        }
        String upper = Numbers.bound(bands.get(i - 1).bound());
        return i == bands.size() - 1 ? "＜" + upper : bound + "~" + upper;
      }
    }
    return "";
  }

  /** Strongest dimension, the middle ones, the weakest, by their mean in the period. */
  private static Map<String, Object> dimensions(
      DuckDbQuery.Session db, IndicatorDefinition d, String inYear) {
    List<List<Object>> rows =
        query(
            db,
            "SELECT dimension_zh, dimension_en, mean_score_display FROM egov."
                + DuckDbQuery.quoted(d.name() + CompositeIndex.DIMENSION_MEANS)
                + " WHERE "
                + inYear
                + " ORDER BY mean_score DESC");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bestZh", rows.get(0).get(0));
    out.put("bestEn", rows.get(0).get(1));
    out.put("bestMean", Numbers.fixed(rows.get(0).get(2)));
    List<List<Object>> middle = rows.subList(1, rows.size() - 1);
    out.put("middleZh", Names.zh(middle.stream().map(r -> String.valueOf(r.get(0))).toList()));
    out.put("middleEn", Names.en(middle.stream().map(r -> String.valueOf(r.get(1))).toList()));
    out.put("middleMeansZh", Names.zh(middle.stream().map(r -> Numbers.fixed(r.get(2))).toList()));
    out.put("middleMeansEn", Names.en(middle.stream().map(r -> Numbers.fixed(r.get(2))).toList()));
    List<Object> worst = rows.get(rows.size() - 1);
    out.put("worstZh", worst.get(0));
    out.put("worstEn", worst.get(1));
    out.put("worstMean", Numbers.fixed(worst.get(2)));
    return out;
  }

  /**
   * Units whose dimension scores lie within {@link #BALANCED_SPREAD} points of each other, best
   * ranked first.
   */
  private static Map<String, Object> balanced(
      DuckDbQuery.Session db,
      IndicatorDefinition d,
      List<IndicatorKind.Part> parts,
      String inYear) {
    String cols =
        String.join(", ", parts.stream().map(p -> DuckDbQuery.quoted(p.column())).toList());
    List<String> names = new ArrayList<>();
    for (List<Object> r :
        query(
            db,
            "SELECT "
                + DuckDbQuery.quoted(d.unitName())
                + " FROM egov."
                + DuckDbQuery.quoted(d.name())
                + " WHERE "
                + inYear
                + " AND greatest("
                + cols
                + ") - least("
                + cols
                + ") <= "
                + BALANCED_SPREAD
                + " ORDER BY rank")) {
      names.add(Names.shortName(String.valueOf(r.get(0))));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("spread", Numbers.bound(BALANCED_SPREAD));
    out.put("count", names.size());
    out.put("namesZh", Names.zh(names));
    out.put("namesEn", Names.en(names));
    return out;
  }

  private static List<List<Object>> query(DuckDbQuery.Session db, String sql) {
    return db.query(sql, 100_000).rows();
  }
}
