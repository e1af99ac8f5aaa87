package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.config.RunProfile;
import org.egovsuite.config.RunProfileLoader;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Precedence command line > job config > profile > default, and credentials never printed. */
class EffectiveSettingsTest {
  @TempDir Path dir;

  private static CommonOptions parse(String... args) {
    CommonOptions options = new CommonOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void eachSettingComesFromTheFirstPlaceThatHasIt() {
    Path home = Projects.copyConfig(dir.resolve("home"));
    Path pipeline = home.resolve("conf/pipeline.yaml");
    Projects.write(
        home.resolve("conf/profiles/test.yaml"),
        """
        master: spark://profile:7077
        warehouse: hdfs://profile/wh
        spark:
          spark.sql.shuffle.partitions: "8"
          spark.executor.memory: 2g
        """);
    RunProfile profile = RunProfileLoader.load(home, "test");
    PipelineConfig plain = PipelineConfigLoader.load(pipeline, home);

    EffectiveSettings fromProfile = EffectiveSettings.resolve(parse(), plain, profile);
    assertThat(fromProfile.master()).isEqualTo("spark://profile:7077");
    assertThat(fromProfile.warehouse()).isEqualTo("hdfs://profile/wh");
    assertThat(fromProfile.spark()).containsEntry("spark.sql.shuffle.partitions", "8");

    Projects.write(
        pipeline,
        Projects.read(pipeline)
            + """
        warehouse: hdfs://job/wh
        spark:
          spark.sql.shuffle.partitions: "16"
        """);
    PipelineConfig job = PipelineConfigLoader.load(pipeline, home);
    EffectiveSettings fromJob = EffectiveSettings.resolve(parse(), job, profile);
    assertThat(fromJob.warehouse()).isEqualTo("hdfs://job/wh");
    assertThat(fromJob.spark())
        .containsEntry("spark.sql.shuffle.partitions", "16")
        .containsEntry("spark.executor.memory", "2g");

    EffectiveSettings fromCommandLine =
        EffectiveSettings.resolve(
            parse(
                "--master",
                "spark://cli:7077",
                "--warehouse",
                "/tmp/cli",
                "--spark-conf",
                "spark.sql.shuffle.partitions=32"),
            job,
            profile);
    assertThat(fromCommandLine.master()).isEqualTo("spark://cli:7077");
    assertThat(fromCommandLine.warehouse()).isEqualTo("/tmp/cli");
    assertThat(fromCommandLine.spark()).containsEntry("spark.sql.shuffle.partitions", "32");

    EffectiveSettings defaults =
        EffectiveSettings.resolve(
            parse(), plain, new RunProfile("none", "", null, null, null, Map.of()));
    assertThat(defaults.master()).isEqualTo("local[*]");
    assertThat(defaults.warehouse()).isEqualTo("warehouse");
  }

  @Test
  void theSparkSubmitLineRunsTheSameCommandWithCredentialsMasked() {
    EffectiveSettings settings =
        new EffectiveSettings(
            "spark://127.0.0.1:7077",
            "s3a://bucket/wh",
            Map.of(
                "fs.s3a.access.key",
                "AKIAEXAMPLE",
                "fs.s3a.secret.key",
                "wJalrXUtnFEMI",
                "spark.executor.memory",
                "4g"),
            Map.of());
    String line =
        settings.submitLine(
            List.of(
                "quality",
                "check",
                "census_city",
                "--rules",
                "draft.yaml",
                "--master",
                "spark://127.0.0.1:7077",
                "--spark-conf=spark.executor.memory=4g"),
            "s3a://bucket/wh");
    assertThat(line)
        .startsWith(
            "spark-submit --master spark://127.0.0.1:7077 --deploy-mode client "
                + "--class org.egovsuite.cli.EgovMain --driver-java-options '-XX:+IgnoreUnrecognizedVMOptions ")
        .contains(
            "--conf spark.executor.memory=4g",
            "--conf fs.s3a.access.key=****",
            "--conf fs.s3a.secret.key=****")
        // Java 17's module openings for the driver and the executors (the list in the parent pom)
        .contains(
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--conf 'spark.executor.extraJavaOptions=")
        // every argument as given; our --master and --spark-conf become spark-submit's own options
        .endsWith(
            "jobs/target/egov-jobs-cluster.jar quality check census_city --rules draft.yaml"
                + " --warehouse s3a://bucket/wh")
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain("wJalrXUtnFEMI")
        .doesNotContain("--spark-conf");
    for (String open :
        List.of(
            "java.lang",
            "java.lang.invoke",
            "java.lang.reflect",
            "java.io",
            "java.net",
            "java.nio",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "sun.nio.ch",
            "sun.nio.cs",
            "sun.security.action",
            "sun.util.calendar")) {
      assertThat(line).contains("--add-opens=java.base/" + open + "=ALL-UNNAMED");
    }
  }

  @Test
  void anUnknownProfileNamesTheKnownOnes() {
    assertThatThrownBy(() -> RunProfileLoader.load(Projects.home(), "clustr"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no profile 'clustr'")
        .hasMessageEndingWith("known: cluster, local");
  }
}
