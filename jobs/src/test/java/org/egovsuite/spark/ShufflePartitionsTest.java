package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
