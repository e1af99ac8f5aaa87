package org.egovsuite.indicators.kinds;

import static org.egovsuite.indicators.dictionary.ColumnMeaning.of;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.indicators.composite.CompositeIndex;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.stats.IndicatorStatistics;
import org.egovsuite.quality.Action;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.Severity;

/**
 * A weighted composite of dimension scores ({@code type: composite}): ranked, banded, with the mean
 * of each dimension; where the input also supplies the composite, the quality stage checks it
 * against the weights ({@value #COMPOSITE_MATCHES_WEIGHTS}) unless it is authoritative.
 */
final class CompositeKind implements IndicatorKind<CompositeIndicator> {
  static final String COMPOSITE_MATCHES_WEIGHTS = "composite_matches_weights";

  @Override
  public Class<CompositeIndicator> definitionType() {
    return CompositeIndicator.class;
  }

  @Override
  public Set<String> inputs(CompositeIndicator c) {
    Set<String> out = new LinkedHashSet<>(List.of(c.dataset()));
    RankedStatistics.addInputs(c.statistics(), out);
    return out;
  }

  @Override
  public Dataset<Row> units(
      CompositeIndicator c,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    return IndicatorStatistics.units(
        CompositeIndex.units(sources.apply(c.dataset()), c),
        c.unit(),
        c.period(),
        c.composite().column(),
        c.statistics(),
        sources,
        lookups);
  }

  @Override
  public Map<String, Dataset<Row>> summaries(
      CompositeIndicator c,
      Dataset<Row> units,
      Function<String, Dataset<Row>> sources,
      Function<String, Dataset<Row>> lookups) {
    Map<String, Dataset<Row>> out =
        new LinkedHashMap<>(
            RankedStatistics.summaries(c, units, c.composite().column(), c.statistics()));
    out.put(c.name() + CompositeIndex.DIMENSION_MEANS, CompositeIndex.dimensionMeans(units, c));
    return out;
  }

  @Override
  public List<String> order(CompositeIndicator c, String table) {
    return table.equals(c.name() + CompositeIndex.DIMENSION_MEANS)
        ? List.of(CompositeIndex.DIMENSION)
        : List.of();
  }

  @Override
  public Optional<String> rankedValue(CompositeIndicator c) {
    return Optional.of(c.composite().column());
  }

  @Override
  public List<Part> parts(CompositeIndicator c) {
    return c.dimensions().stream().map(d -> new Part(d.column(), d.title())).toList();
  }

  @Override
  public void addColumns(CompositeIndicator c, Map<String, ColumnMeaning> out) {
    for (CompositeIndicator.Dimension d : c.dimensions()) {
      out.put(
          d.column(), of(d.unit(), d.title().en(), d.title().zh(), "input; weight " + d.weight()));
    }
    String column = c.composite().column();
    out.put(
        column,
        of(
            "score",
            c.title().en() + " (composite)",
            c.title().zh() + "（综合指数）",
            c.composite().authoritative()
                ? "supplied composite (authoritative)"
                : CompositeIndex.weightedSql(c)));
    out.put(
        column + CompositeIndex.SUPPLIED_SUFFIX,
        of("score", "composite as supplied in the input", "输入中给出的综合指数"));
    out.put(
        column + CompositeIndex.SUPPLIED_DIFF_SUFFIX,
        of(
            "score",
            "supplied minus weighted composite",
            "给出值与加权计算值之差",
            "supplied − (" + CompositeIndex.weightedSql(c) + ")"));
    out.put(CompositeIndex.DIMENSION, of("", "dimension column", "维度列名"));
    out.put(CompositeIndex.DIMENSION_EN, of("", "dimension name in English", "维度英文名"));
    out.put(CompositeIndex.DIMENSION_ZH, of("", "dimension name in Chinese", "维度中文名"));
    out.put(CompositeIndex.WEIGHT, of("", "weight of the dimension in the composite", "维度权重"));
    out.put(
        CompositeIndex.UNITS, of("units", "units with a score for the dimension", "有该维度得分的单位数"));
    out.put(
        CompositeIndex.MEAN_SCORE,
        of("score", "mean score of the dimension", "维度平均得分", "avg(dimension)"));
    RankedStatistics.addColumns(c.statistics(), out);
  }

  /**
   * A figure configured in one place is checked from that place: an input that supplies the
   * (published) composite gets an error rule that it is within the tolerance of Σ weight ×
   * dimension. An authoritative composite is not checked (the definition says to trust it).
   */
  @Override
  public List<Rule> generatedRules(CompositeIndicator c, String dataset) {
    if (!c.dataset().equals(dataset)
        || c.composite().suppliedColumn().isEmpty()
        || c.composite().authoritative()) {
      return List.of();
    }
    String supplied = c.composite().supplied();
    String expression =
        String.format(
            Locale.ROOT,
            "abs(%s - (%s)) <= %s",
            supplied,
            CompositeIndex.weightedSql(c),
            Double.toString(c.composite().tolerance()));
    List<String> columns = new ArrayList<>(List.of(supplied));
    c.dimensions().forEach(d -> columns.add(d.column()));
    return List.of(
        new Rule(
            COMPOSITE_MATCHES_WEIGHTS,
            "expression",
            "supplied "
                + supplied
                + " equals the weighted dimensions of "
                + c.name()
                + " within "
                + c.composite().tolerance(),
            Severity.ERROR,
            Action.FAIL,
            "indicator definition",
            List.copyOf(columns),
            null,
            null,
            expression,
            supplied + " IS NOT NULL",
            null,
            null,
            null,
            null,
            null,
            c.file() + " (generated)"));
  }
}
