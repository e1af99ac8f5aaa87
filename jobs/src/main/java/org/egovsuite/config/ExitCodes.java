package org.egovsuite.config;

/** Exit codes of {@code bin/egov}, documented in the README. */
public final class ExitCodes {
  public static final int OK = 0;

  /** Anything unexpected: a Spark job failed, the file system refused, a bug. */
  public static final int RUNTIME_FAILURE = 1;

  /** Unknown command or option, missing argument. */
  public static final int USAGE = 2;

  /** A pipeline, dataset or rule file is invalid. */
  public static final int BAD_CONFIG = 3;

  /**
   * An error-severity quality rule failed, or a table failed its publish audit; nothing was
   * published.
   */
  public static final int QUALITY_GATE_FAILED = 4;

  /** An input file is missing, empty or lacks a mapped column. */
  public static final int BAD_INPUT = 5;

  /** A command needs what an earlier command leaves in the warehouse. */
  public static final int MISSING_STAGE_OUTPUT = 6;

  /** Another run is writing to the same warehouse; nothing was done. */
  public static final int WAREHOUSE_BUSY = 7;

  private ExitCodes() {}
}
