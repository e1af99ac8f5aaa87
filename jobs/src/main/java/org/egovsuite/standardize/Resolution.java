package org.egovsuite.standardize;

import java.io.Serializable;

/**
 * A name or code resolved to a reference unit.
 *
 * @param code the unit's code (6-digit division code, or ISO 3166 alpha-3)
 * @param name its canonical name
 * @param method how it matched: code, name, short_name, alias
 */
public record Resolution(String code, String name, String method) implements Serializable {}
