package org.egovsuite.indicators.composite;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.CompositeIndicator;
import org.egovsuite.config.CompositeIndicator.Dimension;
import org.egovsuite.indicators.stats.DisplayRounding;

/**
 * Composite index from dimension scores (provincial online-service capability): composite = Σ
 * weight × dimension over the configured dimensions, unrounded. A supplied composite is kept next
 * to it with the difference; when the definition makes it authoritative it is the index.
 */
public final class CompositeIndex {
  /** Suffix of the table of each dimension's mean score, by period. */
  public static final String DIMENSION_MEANS = "_dimension_means";

  public static final String SUPPLIED_SUFFIX = "_supplied";
  public static final String SUPPLIED_DIFF_SUFFIX = "_supplied_diff";
  public static final String DIMENSION = "dimension";
  public static final String DIMENSION_EN = "dimension_en";
  public static final String DIMENSION_ZH = "dimension_zh";
  public static final String WEIGHT = "weight";
  public static final String UNITS = "units";
  public static final String MEAN_SCORE = "mean_score";

  private CompositeIndex() {}

  /** The weighted sum as a Spark column; also the text of the generated quality rule. */
  public static Column weighted(CompositeIndicator definition) {
    return org.apache.spark.sql.functions.expr(weightedSql(definition));
  }

  public static String weightedSql(CompositeIndicator definition) {
    List<String> terms = new ArrayList<>();
    for (Dimension d : definition.dimensions()) {
      terms.add(String.format(Locale.ROOT, "%s * %s", Double.toString(d.weight()), d.column()));
    }
    return String.join(" + ", terms);
  }

  /** One row per unit and period: unit, name, period, dimensions, composite. */
  public static Dataset<Row> units(Dataset<Row> input, CompositeIndicator definition) {
    CompositeIndicator.Composite composite = definition.composite();
    List<Column> columns =
        new ArrayList<>(
            List.of(col(definition.unit()), col(definition.unitName()), col(definition.period())));
    definition
        .dimensions()
        .forEach(d -> columns.add(col(d.column()).cast("double").as(d.column())));
    Column computed = weighted(definition);
    if (composite.suppliedColumn().isPresent()) {
      Column supplied = col(composite.supplied()).cast("double");
      columns.add((composite.authoritative() ? supplied : computed).as(composite.column()));
      columns.add(supplied.as(composite.column() + SUPPLIED_SUFFIX));
      columns.add(supplied.minus(computed).as(composite.column() + SUPPLIED_DIFF_SUFFIX));
    } else {
      columns.add(computed.as(composite.column()));
    }
    return input.select(columns.toArray(Column[]::new));
  }

  /** Per period and dimension: units scored and the mean score (unrounded and for display). */
  public static Dataset<Row> dimensionMeans(Dataset<Row> units, CompositeIndicator definition) {
    Dataset<Row> means =
        definition.dimensions().stream()
            .map(
                d ->
                    units
                        .where(col(d.column()).isNotNull())
                        .groupBy(col(definition.period()))
                        .agg(
                            org.apache.spark.sql.functions.count(lit(1)).as(UNITS),
                            avg(d.column()).as(MEAN_SCORE))
                        .select(
                            col(definition.period()),
                            lit(d.column()).as(DIMENSION),
                            lit(d.title().en()).as(DIMENSION_EN),
                            lit(d.title().zh()).as(DIMENSION_ZH),
                            lit(d.weight()).as(WEIGHT),
                            col(UNITS),
                            col(MEAN_SCORE)))
            .reduce(Dataset::unionByName)
            .orElseThrow(() -> new IllegalArgumentException(definition.name() + ": no dimensions"));
    return DisplayRounding.withDisplay(means, MEAN_SCORE);
  }
}
