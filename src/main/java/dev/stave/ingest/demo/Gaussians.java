package dev.stave.ingest.demo;

import java.util.random.RandomGenerator;

/**
 * Standard normal numbers computed only with operations whose results Java fixes bit for bit
 * (arithmetic, {@code sqrt}, {@code StrictMath}). {@code RandomGenerator.nextGaussian()} and {@code
 * Math.exp/log/pow} may differ in the last bit between JVMs and CPUs (intrinsics), which would
 * break "same N and seed, byte-identical catalog" across machines. The generator uses {@code
 * StrictMath} for the same reason.
 */
final class Gaussians {
  private Gaussians() {}

  /** Marsaglia's polar method (the second value of each pair is dropped: simpler, stateless). */
  static double next(RandomGenerator rng) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * StrictMath.log(s) / s);
  }
}
