package org.egovsuite.indicators.composite;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.egovsuite.config.NormalisedCompositeIndicator;
import org.egovsuite.config.NormalisedCompositeIndicator.SubIndex;
import org.egovsuite.config.NormalisedCompositeIndicator.SubIndicator;

/**
 * The unit table of a {@link NormalisedCompositeIndicator}, the UN E-Government Survey way:
 *
 * <pre>
 *   z(i)     = (x(i) − mean x) / sd x          over the assessed units of the period (population sd),
 *                                              negated where lower is better; 0 when all x are equal
 *   raw(k)   = Σ w(i) z(i) / Σ w(i)            over the indicators of sub-index k
 *   sub(k)   = (raw(k) − min raw) / (max raw − min raw)   in [0, 1]; 1 when all raw are equal
 *   index    = Σ W(k) sub(k) / Σ W(k)
 * </pre>
 *
 * (Which sd — population or sample — does not matter: min–max scaling cancels the common factor.)
 */
public final class NormalisedComposite {
  private NormalisedComposite() {}

  /**
   * @param sources datasets and earlier indicator tables by name
   * @param lookups CSV files by configured path (the units lookup)
   */
  public static Dataset<Row> units(
      NormalisedCompositeIndicator definition,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    String unit = definition.unit();
    String period = definition.period();
    Map<String, List<SubIndicator>> bySource = new LinkedHashMap<>();
    definition
        .subIndices()
        .forEach(
            s ->
                s.indicators()
                    .forEach(
                        i -> bySource.computeIfAbsent(i.source(), x -> new ArrayList<>()).add(i)));
    Map<String, Dataset<Row>> values = new LinkedHashMap<>();
    Dataset<Row> periods = null;
    for (Map.Entry<String, List<SubIndicator>> e : bySource.entrySet()) {
      List<Column> selected =
          new ArrayList<>(List.of(col(unit).cast("string").as(unit), col(period)));
      e.getValue().forEach(i -> selected.add(col(i.column()).cast("double").as(i.name())));
      Dataset<Row> v = sources.apply(e.getKey()).select(selected.toArray(Column[]::new));
      requireOneRowPerUnit(v, e.getKey(), unit, period);
      values.put(e.getKey(), v);
      Dataset<Row> p = v.select(col(period)).where(col(period).isNotNull()).distinct();
      periods = periods == null ? p : periods.union(p).distinct();
    }
    Dataset<Row> units =
        lookups
            .apply(definition.unitsLookup())
            .select(col(unit).cast("string").as(unit), col(definition.unitName()))
            .crossJoin(periods);
    for (Dataset<Row> v : values.values()) {
      units = org.egovsuite.spark.Joins.left(units, v, List.of(unit, period));
    }
    return scored(units, definition);
  }

  private static Dataset<Row> scored(Dataset<Row> units, NormalisedCompositeIndicator definition) {
    List<SubIndicator> all =
        definition.subIndices().stream().flatMap(s -> s.indicators().stream()).toList();
    Map<String, Column> filled = new LinkedHashMap<>();
    for (SubIndicator i : all) {
      if (i.missingIsZero()) {
        filled.put(i.name(), coalesce(col(i.name()), lit(0.0)));
      }
    }
    Dataset<Row> out = filled.isEmpty() ? units : units.withColumns(filled);
    Column assessed = lit(true);
    for (SubIndicator i : all) {
      assessed = assessed.and(col(i.name()).isNotNull());
    }
    out = out.withColumn(NormalisedCompositeIndicator.ASSESSED, assessed);
    WindowSpec inPeriod = Window.partitionBy(col(definition.period()));
    Column taking = col(NormalisedCompositeIndicator.ASSESSED);
    Map<String, Column> raw = new LinkedHashMap<>();
    for (SubIndex s : definition.subIndices()) {
      Column sum = lit(0.0);
      double weights = 0;
      for (SubIndicator i : s.indicators()) {
        Column x = when(taking, col(i.name()));
        Column sd = stddev_pop(x).over(inPeriod);
        Column z =
            when(sd.equalTo(0), lit(0.0)).otherwise(x.minus(avg(x).over(inPeriod)).divide(sd));
        sum = sum.plus(z.multiply(i.lowerIsBetter() ? -i.weight() : i.weight()));
        weights += i.weight();
      }
      raw.put(raw(s), when(taking, sum.divide(weights)));
    }
    out = out.withColumns(raw);
    Map<String, Column> scaled = new LinkedHashMap<>();
    for (SubIndex s : definition.subIndices()) {
      Column r = col(raw(s));
      Column lo = min(r).over(inPeriod);
      Column hi = max(r).over(inPeriod);
      scaled.put(
          s.name(),
          when(taking, when(hi.equalTo(lo), lit(1.0)).otherwise(r.minus(lo).divide(hi.minus(lo)))));
    }
    out =
        out.withColumns(scaled)
            .drop(
                definition.subIndices().stream()
                    .map(NormalisedComposite::raw)
                    .toArray(String[]::new));
    Column composite = lit(0.0);
    double total = 0;
    for (SubIndex s : definition.subIndices()) {
      composite = composite.plus(col(s.name()).multiply(s.weight()));
      total += s.weight();
    }
    return out.withColumn(definition.column(), composite.divide(total));
  }

  private static String raw(SubIndex s) {
    return "_raw_" + s.name();
  }

  private static void requireOneRowPerUnit(
      Dataset<Row> values, String source, String unit, String period) {
    List<Row> repeated =
        values
            .groupBy(col(unit), col(period))
            .count()
            .where(col("count").gt(1))
            .limit(1)
            .collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalStateException(
          "source "
              + source
              + " has "
              + repeated.get(0).getLong(2)
              + " rows for "
              + unit
              + " = "
              + repeated.get(0).get(0)
              + ", "
              + period
              + " = "
              + repeated.get(0).get(1)
              + "; a sub-indicator source needs at most one row per unit and period");
    }
  }
}
