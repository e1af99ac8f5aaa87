package org.egovsuite.quality.uniqueness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Minimum and maximum of the whole-number columns still undecided, in one aggregate reading only
 * those columns. These plan the check (pigeonhole, bitmap offsets); they are not reported as
 * metrics. Deequ's Minimum and Maximum could share the verification's scan, but measured here
 * they doubled its time for 19 columns, while this read of a few columns costs a fraction.
 *
 * <p>Whole numbers are integers, dates (days since 1970) and timestamps (microseconds since 1970,
 * counted in whole seconds or milliseconds when every value is one: event times are usually
 * recorded to the second, and a second is a million microseconds, so counting in seconds is what
 * keeps a year of them within a 32-bit offset).
 */
final class IntegerRanges {
  private static final Set<DataType> INTEGERS =
      Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
  private static final long MILLI = 1_000L;
  private static final long SECOND = 1_000_000L;

  /** The values lie in min..max and are all multiples of {@code unit} away from min. */
  record Range(long min, long max, long unit, DataType type) {
    /** How many whole numbers (in units) there are from min to max. */
    long span() {
      return (max - min) / unit + 1;
    }

    String describe() {
      String what = !type.equals(DataTypes.TimestampType) ? (type.equals(DataTypes.DateType) ? "days" : "integers")
          : unit == SECOND ? "whole seconds" : unit == MILLI ? "whole milliseconds" : "microseconds";
      return String.format("%,d %s between %s and %s", span(), what, render(min, type), render(max, type));
    }
  }

  private IntegerRanges() {}

  static boolean applies(DataType type) {
    return INTEGERS.contains(type) || type.equals(DataTypes.DateType) || type.equals(DataTypes.TimestampType);
  }

  /** The column as a long: integers as they are, dates in days, timestamps in microseconds. */
  static Column asLong(String column, DataType type) {
    Column c = col("`" + column + "`");
    return type.equals(DataTypes.DateType) ? functions.unix_date(c).cast("long")
        : type.equals(DataTypes.TimestampType) ? functions.unix_micros(c) : c.cast("long");
  }

  static String render(long value, DataType type) {
    return type.equals(DataTypes.DateType) ? LocalDate.ofEpochDay(value).toString()
        : type.equals(DataTypes.TimestampType)
            ? Instant.ofEpochSecond(Math.floorDiv(value, SECOND), Math.floorMod(value, SECOND) * MILLI).toString()
            : String.format("%,d", value);
  }

  /** Per column its range; columns with no values are left out. */
  static Map<String, Range> of(Dataset<Row> data, List<String> columns) {
    Map<String, Range> out = new LinkedHashMap<>();
    if (columns.isEmpty()) {
      return out;
    }
    List<Column> aggregates = new ArrayList<>();
    for (String c : columns) {
      Column value = asLong(c, data.schema().apply(c).dataType());
      aggregates.add(min(value));
      aggregates.add(max(value));
      aggregates.add(max(pmod(value, lit(SECOND))));
      aggregates.add(max(pmod(value, lit(MILLI))));
    }
    Row row = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < columns.size(); i++) {
      if (!row.isNullAt(4 * i)) {
        DataType type = data.schema().apply(columns.get(i)).dataType();
        long unit = !type.equals(DataTypes.TimestampType) ? 1
            : row.getLong(4 * i + 2) == 0 ? SECOND : row.getLong(4 * i + 3) == 0 ? MILLI : 1;
        out.put(columns.get(i), new Range(row.getLong(4 * i), row.getLong(4 * i + 1), unit, type));
      }
    }
    return out;
  }
}
