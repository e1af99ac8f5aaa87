package org.egovsuite.generate;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The 337 prefecture-level units of the bundled division table (the report's 338 less 莱芜, merged
 * into 济南 in 2019) with tier, region and 2020 census population, and a weighted pick of one of
 * them.
 */
public final class Cities implements Serializable {
  public static final String TIERS = "conf/reference/cn_city_tiers.csv";
  public static final String CENSUS = "data/cn-census-city/census_city_2010-2020_v1_nogeom.csv";
  private static final int CAPABILITY_STREAM = 1_000;
  private static final Map<String, Double> TIER_BASE =
      Map.of("直辖市", 0.80, "副省级城市", 0.72, "省会城市", 0.62, "地级", 0.45);
  private static final Map<String, Double> REGION_SHIFT =
      Map.of("东部", 0.05, "中部", 0.0, "东北", -0.02, "西部", -0.05);

  private final List<GeneratedCity> cities;

  Cities(List<GeneratedCity> cities) {
    this.cities = List.copyOf(cities);
  }

  public List<GeneratedCity> all() {
    return cities;
  }

  public GeneratedCity get(int i) {
    return cities.get(i);
  }

  public int size() {
    return cities.size();
  }

  /**
   * Reads the tier table and the census (both bundled) with Spark's CSV reader; a city without a
   * census population is an error naming it.
   */
  static Cities load(SparkSession spark, Path home, long seed, int years) {
    Map<String, Long> population = new HashMap<>();
    for (Row r :
        spark
            .read()
            .option("header", "true")
            .csv(home.resolve(CENSUS).toString())
            .select("city_code", "popu_2020")
            .collectAsList()) {
      if (r.getString(1) != null) { // Hong Kong and Macao have no census figures here
        population.put(r.getString(0), Long.parseLong(r.getString(1)));
      }
    }
    List<GeneratedCity> out = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .option("header", "true")
            .csv(home.resolve(TIERS).toString())
            .select("city_division_code", "city", "province", "tier", "region")
            .orderBy("city_division_code")
            .collectAsList()) {
      String code = r.getString(0);
      Long people = population.get(code);
      if (people == null) {
        throw new IllegalStateException(
            CENSUS
                + ": no 2020 population for city "
                + code
                + " "
                + r.getString(1)
                + " of "
                + TIERS);
      }
      out.add(
          new GeneratedCity(
              code,
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              people,
              capability(seed, code, r.getString(3), r.getString(4), years)));
    }
    return new Cities(out);
  }

  /** Tier and region set the level; each city gets its own offset and a drift per year. */
  static double[] capability(long seed, String code, String tier, String region, int years) {
    SplittableRandom random = RowRandom.of(seed, CAPABILITY_STREAM, Long.parseLong(code));
    double level =
        TIER_BASE.getOrDefault(tier, 0.45)
            + REGION_SHIFT.getOrDefault(region, 0.0)
            + 0.08 * RowRandom.gaussian(random);
    double[] out = new double[years];
    for (int y = 0; y < years; y++) {
      out[y] = Math.max(0.05, Math.min(0.98, level));
      level += 0.02 + 0.04 * RowRandom.gaussian(random);
    }
    return out;
  }

  /** Cumulative weights for {@link #pick}. */
  double[] cumulative(java.util.function.ToDoubleFunction<GeneratedCity> weight) {
    double[] out = new double[cities.size()];
    double total = 0;
    for (int i = 0; i < cities.size(); i++) {
      total += weight.applyAsDouble(cities.get(i));
      out[i] = total;
    }
    return out;
  }

  /** A city drawn with probability proportional to its weight. */
  GeneratedCity pick(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, u);
    return cities.get(i >= 0 ? Math.min(i + 1, cities.size() - 1) : -i - 1);
  }
}
