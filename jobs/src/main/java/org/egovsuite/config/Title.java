package org.egovsuite.config;

import java.io.Serializable;

/** What something is called, in English and Chinese (the data dictionary carries both). */
public record Title(String en, String zh) implements Serializable {}
