package org.egovsuite.standardize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.egovsuite.config.DatasetDefinition;

/**
 * Applies a dataset's {@code standardize} steps and {@code flags}. Pure: a dataset in, a dataset
 * out. Each standardised column keeps its original value in {@code <column>_raw}.
 */
public final class Standardizer {
  /** Array of flag names that hold for the row (empty when none). */
  public static final String ROW_FLAGS = "row_flags";
  public static final String RAW_SUFFIX = "_raw";

  private static final UserDefinedFunction NFKC =
      udf((UDF1<String, String>) TextFolding::nfkc, DataTypes.StringType);

  private Standardizer() {}

  public static Dataset<Row> apply(Dataset<Row> input, DatasetDefinition dataset) {
    Dataset<Row> out = input;
    for (Map.Entry<String, List<String>> e : dataset.standardize().entrySet()) {
      String column = e.getKey();
      out = out.withColumn(column + RAW_SUFFIX, col(column))
          .withColumn(column, steps(col(column), e.getValue()));
    }
    return out.withColumn(ROW_FLAGS, flags(dataset.flags()));
  }

  private static Column steps(Column value, List<String> steps) {
    Column out = value;
    for (String step : steps) {
      out = switch (step) {
        case "nfkc" -> NFKC.apply(out);
        case "trim" -> trim(out);
        default -> throw new IllegalArgumentException("validated on load: " + step);
      };
    }
    return out;
  }

  private static Column flags(Map<String, String> flags) {
    if (flags.isEmpty()) {
      return array().cast(DataTypes.createArrayType(DataTypes.StringType));
    }
    List<Column> each = new ArrayList<>();
    flags.forEach((name, condition) -> each.add(when(expr(condition), lit(name))));
    return array_compact(array(each.toArray(Column[]::new)));
  }
}
