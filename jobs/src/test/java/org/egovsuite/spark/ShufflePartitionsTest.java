package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's shuffle partitions follow the bytes it reads, within the session's own count. */
class ShufflePartitionsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void onePartitionPerAdvisorySizeAtLeastOnePerCoreAtMostTheConfiguredCount() {
    // 15 MiB (the bundled data) / 64 MiB rounds up to 1, raised to the 2 cores; 300 MiB to 5
    // (300/64 = 4.7); 15 GiB would be 240, capped at the profile's 8; nothing still needs one
    // per core; a core count above the cap is capped too.
    assertThat(ShufflePartitions.forBytes(15 * MIB, 64 * MIB, 2, 8)).isEqualTo(2);
    assertThat(ShufflePartitions.forBytes(15 * MIB, 64 * MIB, 1, 8)).isEqualTo(1);
    assertThat(ShufflePartitions.forBytes(300 * MIB, 64 * MIB, 2, 8)).isEqualTo(5);
    assertThat(ShufflePartitions.forBytes(15 * 1024 * MIB, 64 * MIB, 2, 8)).isEqualTo(8);
    assertThat(ShufflePartitions.forBytes(0, 64 * MIB, 2, 8)).isEqualTo(2);
    assertThat(ShufflePartitions.forBytes(192 * MIB, 64 * MIB, 2, 8)).isEqualTo(3);
    assertThat(ShufflePartitions.forBytes(192 * MIB + 1, 64 * MIB, 2, 8)).isEqualTo(4);
    assertThat(ShufflePartitions.forBytes(0, 64 * MIB, 16, 8)).isEqualTo(8);
  }

  @Test
  void theStageRunsWithTheFittedCountAndTheSessionGetsItsOwnBack(@TempDir Path dir)
      throws Exception {
    SparkSession spark = SparkTest.session();
    // The test session starts with 2; the advisory size is lowered to 100 bytes for the test.
    String advisory = "spark.sql.adaptive.advisoryPartitionSizeInBytes";
    Files.write(dir.resolve("a.csv"), new byte[310]);
    Files.createDirectories(dir.resolve("folder"));
    Files.write(dir.resolve("folder/b.csv"), new byte[40]);
    long bytes =
        ShufflePartitions.bytesUnder(
            List.of(dir + "/*.csv", dir + "/folder", dir + "/missing/*.csv"),
            spark.sparkContext().hadoopConfiguration());
    assertThat(bytes).isEqualTo(350);
    spark.conf().set(advisory, "100");
    // A value the stage does not keep: the session's own, given back afterwards.
    spark.conf().set(ShufflePartitions.KEY, "5");
    try {
      String during =
          ShufflePartitions.fittedTo(
              bytes, "test", spark, () -> spark.conf().get(ShufflePartitions.KEY));
      // 350 / 100 → 4, capped at the 2 the session started with (local[2], 2 partitions)
      assertThat(during).isEqualTo("2");
      assertThat(spark.conf().get(ShufflePartitions.KEY)).isEqualTo("5");
    } finally {
      spark.conf().unset(advisory);
      spark.conf().set(ShufflePartitions.KEY, "2");
    }
  }
}
