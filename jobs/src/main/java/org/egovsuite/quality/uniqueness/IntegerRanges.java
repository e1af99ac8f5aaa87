package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Minimum and maximum of the integer columns still undecided, in one aggregate reading only
 * those columns. These plan the check (pigeonhole, bitmap offsets); they are not reported as
 * metrics. Deequ's Minimum and Maximum could share the verification's scan, but measured here
 * they doubled its time for 19 columns, while this read of a few columns costs a fraction.
 */
final class IntegerRanges {
  private IntegerRanges() {}

  /** Per column {min, max}; columns with no values are left out. */
  static Map<String, long[]> of(Dataset<Row> data, List<String> columns) {
    Map<String, long[]> out = new LinkedHashMap<>();
    if (columns.isEmpty()) {
      return out;
    }
    List<Column> aggregates = new ArrayList<>();
    for (String c : columns) {
      aggregates.add(min(col("`" + c + "`").cast("long")));
      aggregates.add(max(col("`" + c + "`").cast("long")));
    }
    Row row = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < columns.size(); i++) {
      if (!row.isNullAt(2 * i)) {
        out.put(columns.get(i), new long[] {row.getLong(2 * i), row.getLong(2 * i + 1)});
      }
    }
    return out;
  }
}
