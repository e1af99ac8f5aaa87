package org.egovsuite.indicators.composite;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ServiceCatalogueIndicator;
import org.egovsuite.config.ServiceCatalogueIndicator.GuideField;

/**
 * Derives the four capability dimensions from an item-level service catalogue; formulas in {@link
 * ServiceCatalogueIndicator}. A blank 0/1 cell counts as 0 (not offered): a catalogue states what
 * is offered, and the quality rules of the catalogue report blanks.
 */
public final class CatalogueDimensions {
  public static final String ITEMS = "items";
  public static final String ITEMS_ONLINE = "items_online";
  public static final String COVERAGE = "coverage";
  public static final String COMPLETENESS = "completeness";
  public static final String GUIDE_ACCURACY = "guide_accuracy";
  public static final String INTERACTIVITY = "interactivity";

  private CatalogueDimensions() {}

  public static Dataset<Row> of(Dataset<Row> catalogue, ServiceCatalogueIndicator definition) {
    Column online = flag(definition.online());
    // An item exported twice is one item. Which copy survives does not matter: the copies differ
    // only in their provenance columns, which are not read here.
    return catalogue
        .dropDuplicates(definition.item())
        .groupBy(col(definition.unit()), col(definition.period()))
        .agg(
            min(col(definition.unitName())).as(definition.unitName()),
            count(col(definition.item())).as(ITEMS),
            sum(online).cast("long").as(ITEMS_ONLINE),
            avg(share(definition.channels().stream().map(CatalogueDimensions::flag).toList()))
                .multiply(100)
                .as(COMPLETENESS),
            avg(share(
                    definition.guideFields().stream()
                        .map(CatalogueDimensions::wellFormed)
                        .toList()))
                .multiply(100)
                .as(GUIDE_ACCURACY),
            avg(share(definition.interactions().stream().map(CatalogueDimensions::flag).toList()))
                .multiply(100)
                .as(INTERACTIVITY))
        .withColumn(COVERAGE, col(ITEMS_ONLINE).multiply(100.0).divide(col(ITEMS)))
        .select(
            col(definition.unit()),
            col(definition.unitName()),
            col(definition.period()),
            col(ITEMS),
            col(ITEMS_ONLINE),
            col(COVERAGE),
            col(COMPLETENESS),
            col(GUIDE_ACCURACY),
            col(INTERACTIVITY));
  }

  private static Column flag(String column) {
    return when(col(column).cast("int").equalTo(1), 1).otherwise(0);
  }

  private static Column wellFormed(GuideField field) {
    Column value = trim(col(field.column()).cast("string"));
    Column present = value.isNotNull().and(value.notEqual(""));
    Column ok = field.regex().map(p -> present.and(value.rlike(p))).orElse(present);
    return when(ok, 1).otherwise(0);
  }

  private static Column share(List<Column> flags) {
    Column sum = lit(0);
    for (Column f : flags) {
      sum = sum.plus(f);
    }
    return sum.divide((double) flags.size());
  }
}
