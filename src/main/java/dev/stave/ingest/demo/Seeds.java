package dev.stave.ingest.demo;

import java.util.SplittableRandom;

/**
 * Independent random streams per artist. Each artist's entities are drawn from a generator seeded
 * by (catalog seed, artist index) alone, which is what lets a resumed run jump straight to any
 * artist without replaying the ones before it.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom forArtist(long seed, long artistIndex) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + artistIndex));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijective, well-mixing 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
