package org.egovsuite.indicators.checklist;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ChecklistIndicator;
import org.egovsuite.config.ChecklistIndicator.Criterion;
import org.egovsuite.config.ChecklistIndicator.Item;

/**
 * Checklist index (UN LOSI style) per unit and period: {@code checklist_index} = Σ weight ×
 * indicator met; {@code checklist_share} = that sum / Σ weight (0–1); per criterion {@code
 * <criterion>_share} = the criterion's weighted share; {@code indicators_met} counts the indicators
 * met whatever their weight. A unit with any blank indicator is not assessed: index, shares and
 * count are null and {@code assessed} is false.
 */
public final class ChecklistIndex {
  public static final String INDEX = "checklist_index";
  public static final String SHARE = "checklist_share";
  public static final String INDICATORS_MET = "indicators_met";
  public static final String ASSESSED = "assessed";
  public static final String SHARE_SUFFIX = "_share";
  public static final String UNIT_FIXED = "unit_fixed";

  private ChecklistIndex() {}

  /**
   * @param inputs the admitted rows of each input dataset, by dataset name
   */
  public static Dataset<Row> units(
      Function<String, Dataset<Row>> inputs, ChecklistIndicator definition) {
    Dataset<Row> all =
        definition.inputs().stream()
            .map(
                input ->
                    withFixedUnit(inputs.apply(input.dataset()), input, definition)
                        .select(selected(definition, input.period()).toArray(Column[]::new)))
            .reduce(Dataset::unionByName)
            .orElseThrow(() -> new IllegalArgumentException(definition.name() + ": no inputs"));
    return score(all, definition);
  }

  private static List<Column> selected(ChecklistIndicator definition, int period) {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col(definition.unit()),
                col(definition.unitName()),
                lit(period).as(definition.period()),
                col(UNIT_FIXED)));
    definition.carry().forEach(c -> columns.add(col(c)));
    definition.items().forEach(i -> columns.add(col(i.column()).cast("int").as(i.column())));
    return columns;
  }

  /** Applies the definition's documented code corrections; {@code unit_fixed} says which rows. */
  private static Dataset<Row> withFixedUnit(
      Dataset<Row> data, ChecklistIndicator.Input input, ChecklistIndicator definition) {
    Column unit = col(definition.unit()).cast("long");
    Column fixed = lit(false);
    for (ChecklistIndicator.UnitFix fix : input.unitFixes()) {
      Column matches = lit(true);
      for (Map.Entry<String, String> e : fix.when().entrySet()) {
        matches = matches.and(col(e.getKey()).cast("string").equalTo(e.getValue()));
      }
      unit = when(matches, lit(fix.unit())).otherwise(unit);
      fixed = fixed.or(matches);
    }
    return data.withColumn(definition.unit(), unit).withColumn(UNIT_FIXED, fixed);
  }

  private static Dataset<Row> score(Dataset<Row> units, ChecklistIndicator definition) {
    Column assessed = lit(true);
    for (Item item : definition.items()) {
      assessed = assessed.and(col(item.column()).isNotNull());
    }
    Dataset<Row> out = units.withColumn(ASSESSED, assessed);
    for (Criterion criterion : definition.criteria()) {
      out =
          out.withColumn(
              criterion.name() + SHARE_SUFFIX,
              when(col(ASSESSED), weightedShare(criterion.items())));
    }
    Column met = lit(0);
    for (Item item : definition.items()) {
      met = met.plus(col(item.column()));
    }
    return out.withColumn(INDEX, when(col(ASSESSED), weightedSum(definition.items())))
        .withColumn(SHARE, when(col(ASSESSED), weightedShare(definition.items())))
        .withColumn(INDICATORS_MET, when(col(ASSESSED), met));
  }

  private static Column weightedSum(List<Item> items) {
    Column sum = lit(0.0);
    for (Item item : items) {
      sum = sum.plus(col(item.column()).multiply(item.weight()));
    }
    return sum;
  }

  /** Σ weight × met / Σ weight; a criterion whose indicators all weigh 0 has no share. */
  private static Column weightedShare(List<Item> items) {
    double total = items.stream().mapToDouble(Item::weight).sum();
    return total > 0 ? weightedSum(items).divide(total) : lit(null).cast("double");
  }
}
