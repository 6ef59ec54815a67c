package dev.stave.ingest.demo;

/**
 * How a demo catalog derives its UUIDs ({@link Uuids}). A catalog keeps the scheme it was made
 * with: {@link DemoCatalog} recognises an older catalog by its first track and completes it in the
 * same scheme, so running {@code stave demo} again on it changes nothing.
 */
public enum UuidScheme {
  /** Since 2026-12-07: ordered by id within each table (version 8), cheap to index in bulk. */
  ID_ORDERED,
  /** Before 2026-12-07: version-4-shaped, scattered across the index. */
  SCATTERED
}
