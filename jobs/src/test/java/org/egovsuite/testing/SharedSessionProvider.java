package org.egovsuite.testing;

import org.apache.spark.sql.SparkSession;
import org.egovsuite.spark.SessionProvider;
import org.egovsuite.spark.SessionSettings;

/**
 * Lends the CLI a session of the test JVM's SparkContext and keeps the context open afterwards.
 * Each command gets a new session (own SQL settings and catalogs): its warehouse's catalog is
 * registered as {@code egov_catalog}, which Spark would otherwise keep from the first warehouse.
 */
public final class SharedSessionProvider implements SessionProvider {
  @Override
  public SparkSession open(SessionSettings settings) {
    return SparkTest.session().newSession();
  }

  @Override
  public void close(SparkSession session) {
    // shared by every test in the JVM
  }
}
