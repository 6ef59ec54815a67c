package dev.stave.ingest.demo;

import java.util.UUID;

/**
 * Version-4-shaped UUIDs derived from (seed, entity kind, id) instead of a random source, so that
 * the same demo catalog gets the same UUIDs on every machine and every run.
 */
final class Uuids {
  private Uuids() {}

  static UUID of(long seed, int kind, long id) {
    long h1 = Seeds.mix(seed ^ Seeds.mix(kind * 0x632BE59BD9B4E019L + id));
    long h2 = Seeds.mix(h1 ^ 0x9E3779B97F4A7C15L);
    long msb = (h1 & ~0xF000L) | 0x4000L;
    long lsb = (h2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
