package org.egovsuite.config;

import java.io.Serializable;

/**
 * One mapped column: the header text in the source file and the canonical snake_case name and
 * type it becomes.
 */
public record ColumnSpec(String source, String name, ColumnType type) implements Serializable {}
