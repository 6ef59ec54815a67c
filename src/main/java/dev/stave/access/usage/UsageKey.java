package dev.stave.access.usage;

/**
 * One row of the usage table: what was called, by which app, in which hour.
 *
 * @param hour whole hours since 1970-01-01T00:00Z
 */
record UsageKey(String clientId, long hour, String dialect, String method, String status) {}
