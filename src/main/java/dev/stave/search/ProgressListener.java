package dev.stave.search;

/** Receives progress of long index work (a rebuild): from indexing threads, one call at a time. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param done documents written so far
   * @param total documents expected in all (tracks + albums + artists counted at the start)
   */
  void progress(long done, long total);
}
