package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.cluster.ClusterPipeline;
import org.egovsuite.cluster.PublishedTables;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part of the default pipeline ({@link ClusterPipeline}) with every input and the warehouse on
 * HDFS: a real NameNode and DataNode (MiniDFSCluster) in this JVM, the bundled inputs copied in,
 * and a profile whose inputs and warehouse are hdfs:// URIs.
 */
@ExtendWith(SparkTest.class)
class HdfsPipelineIT {
  private static MiniDFSCluster hdfs;
  private static String root;
  @TempDir static Path dir;
  private final SparkSession spark;

  HdfsPipelineIT(SparkSession spark) {
    this.spark = spark;
  }

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    root = "hdfs://localhost:" + hdfs.getNameNodePort();
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void runsWithInputsAndWarehouseOnHdfsAndPublishesWhatALocalRunPublishes() throws Exception {
    FileSystem fs = hdfs.getFileSystem();
    fs.copyFromLocalFile(
        false,
        true,
        new org.apache.hadoop.fs.Path(Projects.home().resolve("data").toUri()),
        new org.apache.hadoop.fs.Path(root + "/inputs/data"));
    Path home = ClusterPipeline.home(dir.resolve("home"));
    // The dataset definitions as the project has them (relative locations such as
    // data/un-egdi/*.csv), resolved against the profile's inputs URI.
    try (Stream<Path> definitions = Files.list(Projects.home().resolve("conf/datasets"))) {
      for (Path d : (Iterable<Path>) definitions::iterator) {
        Files.copy(
            d,
            home.resolve("conf/datasets").resolve(d.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String warehouse = root + "/warehouse";
    // Iceberg's Hadoop catalog on HDFS, chosen by the profile (outside the warehouse folder, to
    // show the profile's keys are the ones used).
    String iceberg = root + "/iceberg";
    Projects.write(
        home.resolve("conf/profiles/hdfs.yaml"),
        "inputs: "
            + root
            + "/inputs\nwarehouse: "
            + warehouse
            + "\nspark: {}\ncatalog:\n  type: hadoop\n  warehouse: "
            + iceberg
            + "\n");

    CliRun run =
        CliRun.of(
            "run", "--conf", home.resolve("conf/pipeline.yaml").toString(), "--profile", "hdfs");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("table    province_economy 589 rows  " + iceberg + "/egov/province_economy");
    assertThat(
            fs.exists(
                new org.apache.hadoop.fs.Path(
                    iceberg + "/egov/egdi_country/metadata/version-hint.text")))
        .isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(warehouse + "/_state/run.lock")))
        .as("lock released")
        .isFalse();
    // Every input was read from HDFS: the manifest (on HDFS too) names hdfs:// files only.
    String manifest =
        run.out()
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("manifest "))
            .findFirst()
            .orElseThrow()
            .substring("manifest ".length())
            .strip();
    assertThat(manifest).startsWith(warehouse + "/runs/");
    JsonNode json;
    try (var in = fs.open(new org.apache.hadoop.fs.Path(manifest))) {
      json = JsonFiles.MAPPER.readTree(in);
    }
    java.util.List<String> files = new java.util.ArrayList<>();
    json.at("/ingest/datasets")
        .forEach(d -> d.get("files").forEach(f -> files.add(f.get("file").asText())));
    assertThat(files)
        .hasSize(ClusterPipeline.INPUT_FILES)
        .allMatch(f -> f.startsWith(root + "/inputs/data/"));
    PublishedTables.assertSame(
        spark,
        BundledRun.warehouse().toString(),
        warehouse,
        java.util.Map.of("type", "hadoop", "warehouse", iceberg),
        ClusterPipeline.TABLES);
  }
}
