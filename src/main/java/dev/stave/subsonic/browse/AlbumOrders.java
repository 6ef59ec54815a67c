package dev.stave.subsonic.browse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stave.catalog.CatalogStore;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.SearchIndex;
import dev.stave.search.TrackQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The alphabetical album lists ({@code getAlbumList2} {@code alphabeticalByName} and {@code
 * alphabeticalByArtist}) kept whole, in order, as the index sorts them: players page through them
 * fifty at a time, and on 196,256 albums each page as an index query sorted by a text field cost
 * 20–25 ms of CPU (a top-N of offset + size names) where a slice of a kept list costs nothing (8
 * bytes an album: 1.6 MB for 196,256).
 *
 * <p>{@code byGenre} ({@link #genrePage}) keeps each genre's albums in that order too (one walk of
 * it, where an index query would filter by thousands of ids and sort them), for the index position
 * it was read at: finding them counts a genre's tracks by album (tens of thousands of tracks for a
 * common genre, 8–25 ms of CPU and megabytes of boxed ids a call), and a player pages through the
 * same genre fifty albums at a time. A genre is a track tag, so any applied change (a track's too)
 * makes the kept list stale; at most {@value #GENRES_KEPT} genres are kept.
 *
 * <p>Kept until the index applies a change-log entry of an album or an artist (a name, a new
 * album): it is read from the index, so it follows the index's own position in the log ({@link
 * SearchIndex#appliedSeq}, read in memory), not the store's; a track entry (a scrobble) only moves
 * that position on.
 */
@Component
public class AlbumOrders {
  private static final Set<String> KINDS =
      Set.of(CatalogStore.ALBUMS.kind(), CatalogStore.ARTISTS.kind());

  /** The orders kept. */
  public enum Order {
    BY_NAME,
    BY_ARTIST
  }

  private final CatalogSearch search;
  private final SearchIndex index;
  private final CatalogStore store;
  private final Map<Order, Sorted> sorted = new ConcurrentHashMap<>();
  private static final int GENRES_KEPT = 64;
  private final Cache<GenreKey, long[]> genres =
      Caffeine.newBuilder().maximumSize(GENRES_KEPT).build();

  private record GenreKey(String genre, long seq) {}

  public AlbumOrders(CatalogSearch search, SearchIndex index, CatalogStore store) {
    this.search = search;
    this.index = index;
    this.store = store;
  }

  private record Sorted(long seq, long[] ids) {}

  /** Up to {@code size} album ids from {@code offset} in {@code order}. */
  public List<Long> page(Order order, int offset, int size) {
    return slice(current(order).ids(), offset, size);
  }

  /**
   * Up to {@code size} of the albums with a track of {@code genre} from {@code offset}, in album
   * name order.
   */
  public List<Long> genrePage(String genre, int offset, int size) {
    String tag = genre.toLowerCase(Locale.ROOT);
    long seq = index.appliedSeq();
    return slice(genres.get(new GenreKey(tag, seq), k -> albumsOfGenre(tag)), offset, size);
  }

  private static List<Long> slice(long[] ids, int offset, int size) {
    int from = Math.min(offset, ids.length);
    return Arrays.stream(ids, from, Math.min(from + size, ids.length)).boxed().toList();
  }

  /** The albums with a track of {@code tag}, in the kept name order: one walk of that order. */
  private long[] albumsOfGenre(String tag) {
    Set<Long> only =
        search.parentsOfTracks(
            TrackQuery.builder().tags(Set.of(tag)).build(), CatalogSearch.Parent.ALBUM);
    return Arrays.stream(current(Order.BY_NAME).ids()).filter(only::contains).toArray();
  }

  private Sorted current(Order order) {
    long seq = index.appliedSeq();
    Sorted s = sorted.get(order);
    if (s != null && s.seq() == seq) {
      return s;
    }
    synchronized (this) {
      s = sorted.get(order);
      if (s == null
          || s.seq() != seq
              && ChangeLogWindow.staleBetween(store, s.seq(), seq, c -> KINDS.contains(c.kind()))) {
        s = new Sorted(seq, search.albumIdsInOrder(query(order)));
      } else {
        s = new Sorted(seq, s.ids());
      }
      sorted.put(order, s);
      return s;
    }
  }

  private static EntityQuery query(Order order) {
    EntityQuery.Builder q = EntityQuery.builder();
    if (order == Order.BY_ARTIST) {
      q.sortBy(EntitySort.ARTIST_NAME, false);
    }
    return q.sortBy(EntitySort.NAME, false).build();
  }
}
