package org.egovsuite.cli;

import org.egovsuite.spark.NioLocalFileSystem;
import org.egovsuite.spark.SparkSessions;

/** Entry point of {@code bin/egov} and spark-submit; the only place that calls System.exit. */
public final class EgovMain {
  private EgovMain() {}

  public static void main(String[] args) {
    JitRelaunch.followParent();
    NioLocalFileSystem.install();
    System.exit(new EgovCli(new SparkSessions(), System.out, System.err).execute(args));
  }
}
