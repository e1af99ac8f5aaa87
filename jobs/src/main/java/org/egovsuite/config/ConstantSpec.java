package org.egovsuite.config;

import java.io.Serializable;

/**
 * A column with one value per file: either a literal, or the first group of {@code pattern}
 * matched against the lines above the header (the NBS {@code 指标：地区生产总值(亿元)} line).
 */
public record ConstantSpec(String literal, String pattern) implements Serializable {}
