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
  DOUBLE(DataTypes.DoubleType);

  private final DataType sparkType;

  ColumnType(DataType sparkType) {
    this.sparkType = sparkType;
  }

  public DataType sparkType() {
    return sparkType;
  }

  public static ColumnType parse(YamlNode node) {
    String value = node.asString().trim().toLowerCase();
    for (ColumnType t : values()) {
      if (t.name().toLowerCase().equals(value)) {
        return t;
      }
    }
    throw node.error("unknown type '" + value + "'; valid types: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values()).map(t -> t.name().toLowerCase()).collect(Collectors.joining(", "));
  }
}
