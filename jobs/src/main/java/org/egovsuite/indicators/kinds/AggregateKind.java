package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.AggregateIndicator;
import org.egovsuite.indicators.aggregate.AggregateTable;
import org.egovsuite.indicators.dictionary.ColumnMeaning;

/**
 * Measures grouped by unit and period, with breakdown tables ({@code type: aggregate}), unranked.
 */
final class AggregateKind implements IndicatorKind<AggregateIndicator> {
  @Override
  public Class<AggregateIndicator> definitionType() {
    return AggregateIndicator.class;
  }

  @Override
  public Set<String> inputs(AggregateIndicator a) {
    Set<String> out = new LinkedHashSet<>(List.of(a.dataset()));
    a.joins().stream().filter(j -> j.source() != null).forEach(j -> out.add(j.source()));
    return out;
  }

  @Override
  public Dataset<Row> units(
      AggregateIndicator a,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return AggregateTable.units(sources, lookups, a);
  }

  @Override
  public Map<String, Dataset<Row>> summaries(
      AggregateIndicator a,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return AggregateTable.breakdowns(sources, lookups, a);
  }

  /** No statistics over the unit table: every table is grouped from the same prepared rows. */
  @Override
  public void write(
      AggregateIndicator a,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups,
      TableSink sink) {
    AggregateTable.writeAll(sources, lookups, a, sink::write);
  }

  @Override
  public List<String> order(AggregateIndicator a, String table) {
    return a.breakdowns().stream()
        .filter(b -> b.table(a.name()).equals(table))
        .findFirst()
        .map(AggregateIndicator.Breakdown::by)
        .orElse(List.of());
  }

  @Override
  public void addColumns(AggregateIndicator a, Map<String, ColumnMeaning> out) {
    for (AggregateIndicator.Measure m : a.measures()) {
      out.put(
          m.column(),
          of(
              m.unit(),
              m.title().en(),
              m.title().zh(),
              m.sql()
                  + (a.deduplicate().isEmpty() ? "" : " (first row per " + a.deduplicate() + ")")
                  + a.whereCondition().map(w -> " where " + w).orElse("")));
    }
    a.breakdowns()
        .forEach(
            b ->
                b.by()
                    .forEach(
                        c ->
                            out.putIfAbsent(
                                c, of("", "breakdown column '" + c + "'", "分组列 " + c))));
    a.derive()
        .forEach(
            (c, sql) -> out.putIfAbsent(c, of("", "derived column '" + c + "'", "派生列 " + c, sql)));
  }
}
