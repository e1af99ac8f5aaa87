package org.egovsuite.config;

import java.io.Serializable;

/**
 * A grade band. Where higher is better, values at or above {@code bound} (and below the next band
 * up) belong to it; where lower is better ({@code atMost}), values at or below it (and above the
 * next better band's).
 */
public record Band(String name, double bound, boolean atMost) implements Serializable {
  /** A band of values at or above {@code min}. */
  public Band(String name, double min) {
    this(name, min, false);
  }
}
