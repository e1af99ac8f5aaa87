package org.egovsuite.config;

import java.io.Serializable;

/**
 * Wide to long: every source column whose header matches {@code pattern} becomes a row with the
 * pattern's first group as {@code key} and the cell as {@code value}. The NBS exports' {@code 2024年
 * … 2006年} columns become {@code year}, {@code value}.
 */
public record Unpivot(String pattern, ColumnSpec key, ColumnSpec value) implements Serializable {}
