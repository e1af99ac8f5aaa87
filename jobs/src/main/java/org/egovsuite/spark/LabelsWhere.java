package org.egovsuite.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * An array of the labels whose condition holds for the row, in the given order (a row's flags, the
 * quarantine rules it fails). A condition that is null counts as not holding.
 *
 * <p>Built from {@code concat} of one- or zero-element arrays rather than {@code
 * array_compact(array(when(...)))}: Spark's {@code filter} and {@code array_compact} are
 * higher-order functions evaluated by interpretation (CodegenFallback), which ends whole-stage code
 * generation at the operator holding them. Below it Spark then copies every column of every row
 * into a row object — the quarantine's filter over 10M tickets took 17.5–25.9 s that way — where
 * generated code reads only the columns the condition needs until a row passes (BENCHMARKS.md).
 */
public final class LabelsWhere {
  private final List<Column> parts = new ArrayList<>();

  /** Adds {@code label} (a string column, usually a literal) where {@code condition} is true. */
  public LabelsWhere add(Column condition, Column label) {
    parts.add(when(condition, array(label)).otherwise(empty()));
    return this;
  }

  /** The labels added, as one array column. */
  public Column column() {
    if (parts.isEmpty()) {
      return empty();
    }
    return parts.size() == 1 ? parts.get(0) : concat(parts.toArray(Column[]::new));
  }

  /** An empty array of strings. */
  private static Column empty() {
    return array().cast(DataTypes.createArrayType(DataTypes.StringType));
  }
}
