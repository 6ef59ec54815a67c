package dev.stave.ingest.demo;

import java.util.UUID;

/**
 * UUIDs derived from (seed, entity kind, id) instead of a random source, so that the same demo
 * catalog gets the same UUIDs on every machine and every run, and a run can recognise what an
 * earlier one stored.
 *
 * <p>Why two schemes: every catalog table keeps a UNIQUE index on its uuid column. Scattered UUIDs
 * (the first scheme, version-4-shaped) land at random places in that index, so once it outgrows the
 * page cache every batch of a bulk load dirties and writes back one index page per row — at 3M
 * tracks most of what a commit wrote. The {@link UuidScheme#ID_ORDERED} scheme (the default) puts a
 * per-(seed, kind) offset plus the id in the first 48 bits, where a version-7 UUID keeps its
 * timestamp, so each table's uuid index grows at its end like its primary key and a batch dirties a
 * handful of pages. They are RFC 9562 version-8 ("custom") UUIDs: still 122 bits a client can treat
 * as opaque, different for every (seed, kind, id).
 */
final class Uuids {
  private static final long FIRST_48_BITS = 0xFFFF_FFFF_FFFFL;

  private Uuids() {}

  /** The UUID of entity {@code id} of {@code kind} in the catalog of {@code seed}. */
  static UUID of(UuidScheme scheme, long seed, int kind, long id) {
    return scheme == UuidScheme.ID_ORDERED ? ordered(seed, kind, id) : scattered(seed, kind, id);
  }

  private static UUID ordered(long seed, int kind, long id) {
    // The offset makes catalogs of other seeds start elsewhere (the ids are the same); adding
    // the id modulo 2^48 keeps the order, except for at most one wrap-around per table.
    long offset = Seeds.mix(seed ^ Seeds.mix(kind * 0x2545F4914F6CDD1DL)) >>> 16;
    long prefix = (offset + id) & FIRST_48_BITS;
    long h = Seeds.mix(seed ^ Seeds.mix(kind * 0x632BE59BD9B4E019L + id));
    long msb = (prefix << 16) | 0x8000L | (h & 0xFFFL);
    long lsb = (Seeds.mix(h) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static UUID scattered(long seed, int kind, long id) {
    long h1 = Seeds.mix(seed ^ Seeds.mix(kind * 0x632BE59BD9B4E019L + id));
    long h2 = Seeds.mix(h1 ^ 0x9E3779B97F4A7C15L);
    long msb = (h1 & ~0xF000L) | 0x4000L;
    long lsb = (h2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
