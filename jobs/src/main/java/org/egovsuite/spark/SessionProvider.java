package org.egovsuite.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Gives the CLI its one SparkSession. The launcher builds a new one and stops it afterwards; tests
 * lend the JVM's shared session and keep it.
 */
public interface SessionProvider {
  SparkSession open(SessionSettings settings);

  void close(SparkSession session);
}
