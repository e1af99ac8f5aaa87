package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.NormalisedCompositeIndicator;
import org.egovsuite.indicators.composite.NormalisedComposite;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.stats.IndicatorStatistics;

/**
 * An index of sub-indices of z-scored indicators from several sources, min–max scaled ({@code type:
 * normalised_composite}), ranked.
 */
final class NormalisedCompositeKind implements IndicatorKind<NormalisedCompositeIndicator> {
  @Override
  public Class<NormalisedCompositeIndicator> definitionType() {
    return NormalisedCompositeIndicator.class;
  }

  @Override
  public Set<String> inputs(NormalisedCompositeIndicator n) {
    Set<String> out = new LinkedHashSet<>();
    n.subIndices().forEach(x -> x.indicators().forEach(i -> out.add(i.source())));
    RankedStatistics.addInputs(n.statistics(), out);
    return out;
  }

  @Override
  public Dataset<Row> units(
      NormalisedCompositeIndicator n,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return IndicatorStatistics.units(
        NormalisedComposite.units(n, sources, lookups),
        n.unit(),
        n.period(),
        n.column(),
        n.statistics(),
        sources,
        lookups);
  }

  @Override
  public Map<String, Dataset<Row>> summaries(
      NormalisedCompositeIndicator n,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return RankedStatistics.summaries(n, units, n.column(), n.statistics());
  }

  @Override
  public Optional<String> rankedValue(NormalisedCompositeIndicator n) {
    return Optional.of(n.column());
  }

  @Override
  public List<Part> parts(NormalisedCompositeIndicator n) {
    return n.subIndices().stream().map(x -> new Part(x.name(), x.title())).toList();
  }

  @Override
  public void addColumns(NormalisedCompositeIndicator n, Map<String, ColumnMeaning> out) {
    for (NormalisedCompositeIndicator.SubIndex s : n.subIndices()) {
      String members =
          s.indicators().stream()
              .map(NormalisedCompositeIndicator.SubIndicator::name)
              .collect(Collectors.joining(", "));
      out.put(
          s.name(),
          of(
              "0–1",
              "sub-index: " + s.title().en(),
              "分项指数：" + s.title().zh(),
              "min–max over the period of the weighted mean z-score of "
                  + members
                  + "; weight "
                  + s.weight()));
      for (NormalisedCompositeIndicator.SubIndicator i : s.indicators()) {
        out.put(
            i.name(),
            of(
                i.unitOfMeasure(),
                i.title().en(),
                i.title().zh(),
                "input: "
                    + i.column()
                    + " of "
                    + i.source()
                    + "; weight "
                    + i.weight()
                    + (i.lowerIsBetter() ? "; lower is better" : "")
                    + (i.missingIsZero() ? "; 0 when missing" : "")));
      }
    }
    String weights =
        n.subIndices().stream()
            .map(s -> s.weight() + "×" + s.name())
            .collect(Collectors.joining(" + "));
    double total =
        n.subIndices().stream().mapToDouble(NormalisedCompositeIndicator.SubIndex::weight).sum();
    out.put(n.column(), of("0–1", n.title().en(), n.title().zh(), "(" + weights + ") / " + total));
    out.put(
        NormalisedCompositeIndicator.ASSESSED,
        of("", "every sub-indicator present (otherwise no index)", "是否全部分项指标齐全"));
    RankedStatistics.addColumns(n.statistics(), out);
  }
}
