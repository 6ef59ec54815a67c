package dev.stave.subsonic.browse;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The pages of the empty {@code search3} query, with which players sync a whole library (Symfonium,
 * DSub and others ask for {@code songCount=500&songOffset=0, 500, 1000, …} to the end): any offset
 * must cost the same, on a million songs too. SQL's {@code LIMIT n OFFSET o} walks {@code o} rows
 * (600 ms at offset 999,000 of the 1M-track demo on SQLite), and the Subsonic API gives no key to
 * page from, only the offset. So, for deep pages, each catalog table's ids are kept in memory in id
 * order (8 bytes an id: 8 MB for a million songs), read once in one walk of the primary key, and a
 * page is a slice of that array; shallow pages (offset under {@value #SHALLOW}) are read with
 * {@code OFFSET} and need no directory.
 *
 * <p>When it is stale is read from the change log, as for the artist index: catalog rows are never
 * deleted, so the directory of a table only goes stale when an id it does not hold appears in the
 * log (a new entity); an entry for an id it holds (an edit, a scrobble's listen count) only moves
 * its sequence number on. Past {@link ChangeLogWindow#MAX_CHANGES_READ} entries to read it is
 * rebuilt.
 */
@Component
public class LibraryPages {
  /** Offsets below this are read with {@code OFFSET}: a walk this short costs little. */
  static final int SHALLOW = 5_000;

  private final CatalogStore store;
  private final int shallow;
  private final Map<String, Directory> directories = new ConcurrentHashMap<>();

  @Autowired
  public LibraryPages(CatalogStore store) {
    this(store, SHALLOW);
  }

  /** With pages from offset {@code shallow} on read from the directory (tests: 0, every page). */
  public LibraryPages(CatalogStore store, int shallow) {
    this.store = store;
    this.shallow = shallow;
  }

  /** A table's ids in id order at one point of the change log. */
  private record Directory(long seq, long[] ids) {
    Directory at(long newSeq) {
      return new Directory(newSeq, ids);
    }

    boolean holds(long id) {
      return Arrays.binarySearch(ids, id) >= 0;
    }
  }

  /** Up to {@code limit} ids of {@code table} from position {@code offset} in id order. */
  public List<Long> page(EntityTable<?> table, int offset, int limit) {
    if (offset < shallow) {
      return store.idPage(table, offset, limit);
    }
    long[] ids = directory(table).ids();
    int from = Math.min(offset, ids.length);
    int to = (int) Math.min((long) from + limit, ids.length);
    return Arrays.stream(ids, from, to).boxed().toList();
  }

  private Directory directory(EntityTable<?> table) {
    long seq = store.lastChangeSeq();
    Directory d = directories.get(table.kind());
    if (d != null && d.seq() == seq) {
      return d;
    }
    synchronized (this) {
      d = followUp(table.kind(), directories.get(table.kind()), seq);
      if (d == null) {
        // read the sequence number first: a row written meanwhile is read again next time
        d = new Directory(seq, store.allIds(table));
      }
      directories.put(table.kind(), d);
      return d;
    }
  }

  /**
   * {@code d} moved on to {@code seq} when no change-log entry in between names a new id of its
   * kind; null when one does (or {@code d} is null).
   */
  private Directory followUp(String kind, Directory d, long seq) {
    if (d == null || d.seq() == seq) {
      return d;
    }
    boolean stale =
        ChangeLogWindow.staleBetween(
            store, d.seq(), seq, c -> c.kind().equals(kind) && !d.holds(c.id()));
    return stale ? null : d.at(seq);
  }
}
