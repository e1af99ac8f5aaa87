package org.egovsuite.publish.brief;

/** Quoting for the DuckDB queries over the published tables. */
final class Sql {
  private Sql() {}

  static String id(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
