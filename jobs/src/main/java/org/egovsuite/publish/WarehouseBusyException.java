package org.egovsuite.publish;

/** Another run holds the warehouse's run lock. */
public final class WarehouseBusyException extends RuntimeException {
  public WarehouseBusyException(String message) {
    super(message);
  }
}
