package org.egovsuite.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Types a dataset definition may give a column. */
public enum ColumnType {
  STRING(DataTypes.StringType),
  INT(DataTypes.IntegerType),
  LONG(DataTypes.LongType),
  DOUBLE(DataTypes.DoubleType),
  BOOLEAN(DataTypes.BooleanType),
  /**
   * A calendar date; {@code formats} lists the accepted patterns ({@code yyyy年M月} gives the 1st).
   */
  DATE(DataTypes.DateType),
  /** A local date-time read in UTC; {@code formats} lists the accepted patterns. */
  TIMESTAMP(DataTypes.TimestampType);

  private final DataType sparkType;

  ColumnType(DataType sparkType) {
    this.sparkType = sparkType;
  }

  public DataType sparkType() {
    return sparkType;
  }

  public boolean numeric() {
    return this == INT || this == LONG || this == DOUBLE;
  }

  public boolean temporal() {
    return this == DATE || this == TIMESTAMP;
  }

  public static ColumnType parse(YamlNode node) {
    String value = node.asString().trim().toLowerCase(java.util.Locale.ROOT);
    for (ColumnType t : values()) {
      if (t.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
        return t;
      }
    }
    throw node.error("unknown type '" + value + "'; valid types: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values())
        .map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
