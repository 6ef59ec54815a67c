package dev.stave.reccobeats.api;

/**
 * Validated {@code page} (0…1000, default 0) and {@code size} (1…50, default 25) of a paged
 * endpoint (spec §1.4).
 */
public record Paging(int page, int size) {
  public static final int DEFAULT_PAGE = 0;
  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_PAGE = 1000;
  public static final int MAX_SIZE = 50;

  /** Validated paging; out-of-range values are reported with any {@code others} (4004). */
  static Paging of(int page, int size, ValidationException.Collector others) {
    others.range("page", page, 0, MAX_PAGE).range("size", size, 1, MAX_SIZE).check();
    return new Paging(page, size);
  }

  public int offset() {
    return page * size;
  }
}
