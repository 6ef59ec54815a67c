package dev.stave.ingest.demo;

/** Told after every written batch how far the demo catalog is. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /**
   * Called once before the first write and after each batch.
   *
   * @param tracksDone tracks of the catalog now in the store (including those found from an earlier
   *     run)
   * @param tracksTotal tracks the catalog will have
   */
  void progress(long tracksDone, long tracksTotal);
}
