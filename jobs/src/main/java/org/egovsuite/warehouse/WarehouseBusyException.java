package org.egovsuite.warehouse;

import org.egovsuite.config.ExitCodes;

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
