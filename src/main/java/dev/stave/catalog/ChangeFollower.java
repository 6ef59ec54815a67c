package dev.stave.catalog;

import java.util.function.Consumer;

/**
 * Something that keeps a projection of the catalog (such as the search index) current by reading
 * the change log. Writers call {@link #catchUp()} after a batch of writes when they want the
 * projection to reflect them at once; followers also catch up on their own schedule.
 */
public interface ChangeFollower {
  /**
   * Applies every change-log entry written since the last call. Safe to call concurrently.
   *
   * @throws ProjectionBusyException when another process holds the projection
   */
  void catchUp();

  /**
   * Lets every follower catch up after a writer's batch. A follower held by another process (a
   * running server) is left to that process, which follows the change log itself; {@code notes} is
   * told so.
   */
  static void catchUpAll(Iterable<? extends ChangeFollower> followers, Consumer<String> notes) {
    for (ChangeFollower f : followers) {
      try {
        f.catchUp();
      } catch (ProjectionBusyException e) {
        notes.accept(e.getMessage() + "; that process applies these changes itself");
      }
    }
  }
}
