package org.egovsuite.warehouse;

/** The warehouse cannot be written: found before Spark starts, reported in one line (exit 1). */
public final class WarehouseAccessException extends RuntimeException {
  public WarehouseAccessException(String message) {
    super(message);
  }
}
