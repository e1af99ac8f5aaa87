package org.egovsuite.warehouse;

/** Another run holds the warehouse's run lock. */
public final class WarehouseBusyException extends org.egovsuite.config.EgovException {
  public WarehouseBusyException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return org.egovsuite.config.ExitCodes.WAREHOUSE_BUSY;
  }
}
