package dev.stave.catalog;

/**
 * Something that keeps a projection of the catalog (such as the search index) current by reading
 * the change log. Writers call {@link #catchUp()} after a batch of writes when they want the
 * projection to reflect them at once; followers also catch up on their own schedule.
 */
public interface ChangeFollower {
  /** Applies every change-log entry written since the last call. Safe to call concurrently. */
  void catchUp();
}
