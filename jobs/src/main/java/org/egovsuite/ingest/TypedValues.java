package org.egovsuite.ingest;

import org.egovsuite.config.ColumnType;

/** Converts a raw field to its column type; blank means null. */
final class TypedValues {
  private TypedValues() {}

  /** @throws NumberFormatException when a numeric field is not a number */
  static Object parse(String text, ColumnType type) {
    if (text == null) {
      return null;
    }
    if (type == ColumnType.STRING) {
      return text;
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    return switch (type) {
      case INT -> Integer.parseInt(trimmed);
      case LONG -> Long.parseLong(trimmed);
      case DOUBLE -> Double.parseDouble(trimmed);
      case STRING -> text;
    };
  }
}
