package dev.stave.search;

/** Validation of offset/limit shared by the query records. */
final class Paging {
  private Paging() {}

  static void check(int offset, int limit, int maxLimit, int maxWindow) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must not be negative");
    }
    if (limit < 1 || limit > maxLimit) {
      throw new IllegalArgumentException("limit: must be between 1 and " + maxLimit);
    }
    if ((long) offset + limit > maxWindow) {
      throw new IllegalArgumentException("offset: offset + limit must not exceed " + maxWindow);
    }
  }
}
