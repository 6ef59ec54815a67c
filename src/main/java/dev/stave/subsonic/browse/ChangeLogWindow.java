package dev.stave.subsonic.browse;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Change;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether what the dialect keeps in memory from the catalog (the artist index, the library-sync
 * directories) went stale between two points of the change log: reads the entries in between, a
 * thousand at a time, and stops at the first that matters. Reading the log, not a timer, lets a
 * write by another process ({@code stave import}) be seen on the next request.
 */
final class ChangeLogWindow {
  /** Past this many entries to look through, rebuilding is as cheap as reading them. */
  static final int MAX_CHANGES_READ = 20_000;

  private ChangeLogWindow() {}

  /**
   * True when an entry after {@code from} and up to {@code to} satisfies {@code stales}, or when
   * there are more than {@link #MAX_CHANGES_READ} entries to read.
   */
  static boolean staleBetween(CatalogStore store, long from, long to, Predicate<Change> stales) {
    long after = from;
    int read = 0;
    while (after < to && read < MAX_CHANGES_READ) {
      List<Change> changes = store.changesAfter(after, 1_000);
      if (changes.isEmpty()) {
        break;
      }
      for (Change c : changes) {
        if (c.seq() > to) {
          return false;
        }
        if (stales.test(c)) {
          return true;
        }
        after = c.seq();
      }
      read += changes.size();
    }
    return after < to;
  }
}
