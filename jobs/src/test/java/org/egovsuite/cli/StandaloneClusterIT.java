package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.cluster.ClusterPipeline;
import org.egovsuite.cluster.PublishedTables;
import org.egovsuite.cluster.StandaloneCluster;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar submitted with SparkSubmit (client mode) to a real standalone master with two
 * workers on 127.0.0.1, running a part of the default pipeline ({@link ClusterPipeline}); one
 * worker is killed while the quality stage's jobs run. Spark must finish on the other worker (task
 * retry, lost shuffle output recomputed) and publish exactly what an embedded local run publishes.
 */
@ExtendWith(SparkTest.class)
class StandaloneClusterIT {
  @TempDir Path dir;
  private final SparkSession spark;

  StandaloneClusterIT(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void submittedPipelineSurvivesALostWorkerAndPublishesWhatALocalRunPublishes() throws Exception {
    File jar = Projects.home().resolve("jobs/target/egov-jobs-cluster.jar").toFile();
    assertThat(jar).as("built by mvn package before the integration tests").isFile();
    try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2)) {
      Path warehouse = dir.resolve("wh");
      Path driverLog = dir.resolve("driver.log");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-Xmx2g",
                  "-Degov.home=" + Projects.home(),
                  "org.apache.spark.deploy.SparkSubmit",
                  "--master",
                  cluster.masterUrl(),
                  "--deploy-mode",
                  "client",
                  "--class",
                  "org.egovsuite.cli.EgovMain",
                  "--conf",
                  "spark.executor.extraJavaOptions="
                      + String.join(" ", StandaloneCluster.addOpens()),
                  "--conf",
                  "spark.driver.host=127.0.0.1",
                  "--conf",
                  "spark.driver.bindAddress=127.0.0.1",
                  "--conf",
                  "spark.executor.memory=768m",
                  "--conf",
                  "spark.ui.enabled=false",
                  // Every executor is on this one host: waiting for a "local" slot (3 s per
                  // locality level by default) buys nothing here and slowed the test by ~10%.
                  "--conf",
                  "spark.locality.wait=0",
                  jar.toString(),
                  "run",
                  "--conf",
                  ClusterPipeline.home(dir.resolve("home"))
                      .resolve("conf/pipeline.yaml")
                      .toString(),
                  "--warehouse",
                  warehouse.toString()));
      Process driver =
          StandaloneCluster.java(dir.resolve("spark-home"), cluster.classpath(), driverLog, args);

      // Both workers' executors are in use once the quality stage runs its Deequ verifications.
      StandaloneCluster.awaitLine(driverLog, "quality    start", driver);
      cluster.killWorker(1);

      assertThat(driver.waitFor(10, TimeUnit.MINUTES))
          .as("driver finished; see " + driverLog)
          .isTrue();
      assertThat(driver.exitValue()).as(Files.readString(driverLog)).isZero();
      assertThat(Files.readString(driverLog)).contains("publish    done");
      assertThat(lostExecutorLogged(driverLog, warehouse))
          .as("Spark noticed the lost executor")
          .isTrue();
      PublishedTables.assertSame(
          spark,
          BundledRun.warehouse().toString(),
          warehouse.toString(),
          java.util.Map.of(),
          ClusterPipeline.TABLES);

      // The cluster jar carries conf/ and quality-rules/: a driver started without a project
      // folder (no egov.home; the working directory, jobs/, has no conf/) reads its configuration
      // from the jar, as in YARN cluster mode or a Kubernetes pod.
      Path answer = dir.resolve("sql.log");
      List<String> classpath = new ArrayList<>(cluster.classpath());
      classpath.add(0, jar.toString());
      Process sql =
          StandaloneCluster.java(
              dir.resolve("spark-home"),
              classpath,
              answer,
              List.of(
                  "org.egovsuite.cli.EgovMain",
                  "sql",
                  "--engine",
                  "spark",
                  "SELECT count(*) AS n FROM egov.egdi_summary",
                  "--warehouse",
                  warehouse.toString()));
      assertThat(sql.waitFor(5, TimeUnit.MINUTES)).as("sql finished; see " + answer).isTrue();
      assertThat(sql.exitValue()).as(Files.readString(answer)).isZero();
      assertThat(Files.readString(answer)).contains("|44 |"); // 11 surveys x 4 EGDI groups
    }
  }

  /** Spark's log goes to the run folder (the launcher's log4j setup) or to the driver's output. */
  private static boolean lostExecutorLogged(Path driverLog, Path warehouse) throws Exception {
    if (StandaloneCluster.contains(driverLog, "Lost executor")) {
      return true;
    }
    try (Stream<Path> logs = Files.walk(warehouse.resolve("runs"))) {
      return logs.filter(p -> p.getFileName().toString().equals("egov.log"))
          .anyMatch(p -> StandaloneCluster.contains(p, "Lost executor"));
    }
  }
}
