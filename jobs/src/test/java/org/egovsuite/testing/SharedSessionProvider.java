package org.egovsuite.testing;

import org.apache.spark.sql.SparkSession;
import org.egovsuite.spark.SessionProvider;
import org.egovsuite.spark.SessionSettings;

/** Lends the CLI the test JVM's session and keeps it open afterwards. */
public final class SharedSessionProvider implements SessionProvider {
  @Override
  public SparkSession open(SessionSettings settings) {
    return SparkTest.session();
  }

  @Override
  public void close(SparkSession session) {
    // shared by every test in the JVM
  }
}
