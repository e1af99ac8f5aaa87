package org.egovsuite.generate;

import java.util.SplittableRandom;

/**
 * The random stream of one generated record, a function of (seed, table, record number) only: a
 * record is the same whichever task, partition or machine writes it, so the output does not depend
 * on parallelism. (A single seeded generator split across tasks would tie the content to the
 * partitioning.)
 */
final class RowRandom {
  private RowRandom() {}

  static SplittableRandom of(long seed, int table, long record) {
    return new SplittableRandom(mix(mix(seed + 0x9E3779B97F4A7C15L * (table + 1)) + record));
  }

  /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A normal deviate (Box–Muller; SplittableRandom has no nextGaussian before Java 17's
   * RandomGenerator).
   */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
