package dev.stave.search;

import java.time.Duration;

/**
 * What a rebuild produced.
 *
 * @param documents documents written (tracks + albums + artists)
 * @param changeSeq the change-log sequence number the new index covers
 * @param took wall time of the build, swap included
 */
public record RebuildResult(long documents, long changeSeq, Duration took) {
  public double docsPerSecond() {
    double s = took.toNanos() / 1e9;
    return s <= 0 ? documents : documents / s;
  }
}
