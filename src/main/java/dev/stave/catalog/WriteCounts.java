package dev.stave.catalog;

/** What a write did: rows created, rows changed, rows already identical to the input. */
public record WriteCounts(long created, long updated, long unchanged) {
  public static final WriteCounts ZERO = new WriteCounts(0, 0, 0);

  public WriteCounts plus(WriteCounts o) {
    return new WriteCounts(created + o.created, updated + o.updated, unchanged + o.unchanged);
  }

  public long total() {
    return created + updated + unchanged;
  }
}
