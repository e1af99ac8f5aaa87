package org.egovsuite.config;

import java.io.Serializable;

/** A grade band: values at or above {@code min} (and below the next band up) belong to it. */
public record Band(String name, double min) implements Serializable {}
