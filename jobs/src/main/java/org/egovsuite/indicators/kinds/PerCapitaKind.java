package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.PerCapitaIndicator;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.economy.PerCapitaTable;

/** A ratio of two indicators of one statistical dataset ({@code type: per_capita}), unranked. */
final class PerCapitaKind implements IndicatorKind<PerCapitaIndicator> {
  @Override
  public Class<PerCapitaIndicator> definitionType() {
    return PerCapitaIndicator.class;
  }

  @Override
  public Set<String> inputs(PerCapitaIndicator p) {
    return Set.of(p.dataset());
  }

  @Override
  public Dataset<Row> units(
      PerCapitaIndicator p,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return PerCapitaTable.of(sources.apply(p.dataset()), p);
  }

  @Override
  public void addColumns(PerCapitaIndicator p, Map<String, ColumnMeaning> out) {
    PerCapitaIndicator.Side n = p.numerator();
    PerCapitaIndicator.Side d = p.denominator();
    out.putAll(
        Map.of(
            n.column(),
                of(n.unit(), n.title().en(), n.title().zh(), "input indicator " + n.indicator()),
            d.column(),
                of(d.unit(), d.title().en(), d.title().zh(), "input indicator " + d.indicator()),
            p.column(),
                of(
                    p.columnUnit(),
                    p.title().en(),
                    p.title().zh(),
                    n.column()
                        + " × "
                        + n.factor()
                        + " / ("
                        + d.column()
                        + " × "
                        + d.factor()
                        + ")")));
  }
}
