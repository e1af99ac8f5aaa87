package org.egovsuite.indicators.dictionary;

/** What one column means: unit of measure, meaning in English and Chinese, formula. */
public record ColumnMeaning(String unit, String en, String zh, String formula) {
  public static ColumnMeaning of(String unit, String en, String zh, String formula) {
    return new ColumnMeaning(unit, en, zh, formula);
  }

  public static ColumnMeaning of(String unit, String en, String zh) {
    return new ColumnMeaning(unit, en, zh, "");
  }
}
