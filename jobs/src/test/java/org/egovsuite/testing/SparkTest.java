package org.egovsuite.testing;

import org.apache.spark.sql.SparkSession;
import org.egovsuite.spark.NioLocalFileSystem;
import org.egovsuite.spark.SparkSessions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession for the whole test JVM ({@code local[2]}, UI off, 2 shuffle partitions, bound to
 * 127.0.0.1), injected into test constructors and methods. Stopped when the JVM exits.
 */
public final class SparkTest implements ParameterResolver {
  private static SparkSession session;

  public static synchronized SparkSession session() {
    if (session == null) {
      System.setProperty("egov.log.file", "target/spark-tests.log");
      NioLocalFileSystem.install(); // as EgovMain does
      SparkSession.Builder builder =
          SparkSession.builder()
              .master("local[2]")
              .appName("egov-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1");
      // The settings of the launcher's sessions, so tests read and write as the jobs do.
      SparkSessions.DEFAULTS.forEach(builder::config);
      SparkSessions.ENFORCED.forEach(builder::config);
      session = builder.getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }
}
