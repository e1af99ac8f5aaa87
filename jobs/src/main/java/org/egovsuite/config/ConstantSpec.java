package org.egovsuite.config;

import java.io.Serializable;

/**
 * A column with one value per file: a literal; the first group of {@code pattern} matched against
 * the lines above the header (the NBS {@code 指标：地区生产总值(亿元)} line); or the group named {@code value}
 * (else the first group) of {@code pathPattern} found in the file's path ({@code egdi-2014.csv} →
 * 2014, {@code .../year=2019/...} → 2019).
 *
 * @param type the column's type; the text found is parsed as a cell of that type
 */
public record ConstantSpec(String literal, String pattern, String pathPattern, ColumnType type)
    implements Serializable {

  public ConstantSpec(String literal, String pattern) {
    this(literal, pattern, null, ColumnType.STRING);
  }

  /**
   * What {@code pathPattern} finds in a file's path (group {@code value}, else the first), or null.
   */
  public String fromPath(String path) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(pathPattern).matcher(path);
    if (!m.find()) {
      return null;
    }
    return (pathPattern.contains("(?<value>") ? m.group("value") : m.group(1)).strip();
  }
}
