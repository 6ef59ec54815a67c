package dev.stave.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tracks, albums and artists as the store last returned them, so that rendering a page of search
 * hits (issue 15: "serve from the index") needs no SQL round trip per request once its entities
 * have been read. Used by the read paths of the faces (rendering, seeds of recommendations), never
 * by writers: a writer reads the store inside its own transaction.
 *
 * <p>Kept correct under writes in two ways:
 *
 * <ul>
 *   <li><b>This process's writes</b> are forgotten on the writing thread right after their
 *       transaction commits and before the write returns ({@link CatalogStore#onCommittedChanges}),
 *       so the next read on this node shows them.
 *   <li><b>Other processes' writes</b> (a second node, {@code stave import} on the same database)
 *       are forgotten by following the change log, as the search index does: every second, and at
 *       once when a writer calls {@link #catchUp()} (importers call every {@link ChangeFollower}).
 *       So another node's write shows here within the same second the index takes to show it.
 * </ul>
 *
 * <p>A read that races a write cannot put the old row back after the write forgot it: each kind has
 * a generation counter that a forget increments before it removes the entries, a reader notes the
 * generation before its SQL read, and it stores what it read only while the generation is
 * unchanged, in an atomic compute on the entry (which a concurrent remove of the same key is
 * ordered with). A read that lost the race is simply not cached.
 *
 * <p>Decision (issue 15 item 1): a cache of the loaded entities rather than stored fields in the
 * Lucene index. Rendering needs whole records (relations, audio features, stats, external ids) of
 * the track, its album and its artist; storing them in every track document would re-project every
 * track of an album or artist on each change of those, and grow the index. The cache keeps the
 * renderers and the store as they are and costs only the memory of the entities being asked for.
 * Both were built and measured (docs/performance.md, "Item 1: cache against stored fields"): on
 * pages asked for again the cache costs 6–11× less CPU per call than decoding stored fields, on
 * entities never asked for both cost the same, and only the cache shows a write in the writing
 * node's next request. Sizes are bounded ({@link #TRACKS}, {@link #ALBUMS}, {@link #ARTISTS}
 * entries, least recently used first out).
 */
@Component
public class EntityCache implements ChangeFollower, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(EntityCache.class);

  /** Bounds; a track with its relations takes about 1–2 KB on the heap. */
  static final int TRACKS = 200_000;

  static final int ALBUMS = 50_000;
  static final int ARTISTS = 50_000;

  private static final int CHANGE_BATCH = 10_000;
  private static final long FOLLOW_PERIOD_MS = 1_000;

  private final CatalogStore store;
  private final boolean enabled;
  private final Kind<Track> tracks;
  private final Kind<Album> albums;
  private final Kind<Artist> artists;

  /** The last change-log sequence number applied; -1 until first use. */
  private long position = -1;

  private volatile ScheduledExecutorService follower;

  public EntityCache(CatalogStore store) {
    this(store, true);
  }

  /**
   * @param enabled false ({@code stave.catalog.entity-cache=false}) reads every entity from the
   *     store, as before issue 15: for benchmarks comparing both in one run, and as an escape hatch
   */
  @Autowired
  public EntityCache(
      CatalogStore store, @Value("${stave.catalog.entity-cache:true}") boolean enabled) {
    this.store = store;
    this.enabled = enabled;
    this.tracks = new Kind<>(CatalogStore.TRACKS, TRACKS);
    this.albums = new Kind<>(CatalogStore.ALBUMS, ALBUMS);
    this.artists = new Kind<>(CatalogStore.ARTISTS, ARTISTS);
    store.onCommittedChanges(this::forget);
  }

  /** The tracks of {@code ids} in that order, unknown ids left out, as {@code findTracks}. */
  public List<Track> tracks(Collection<Long> ids) {
    return get(tracks, ids);
  }

  /** The albums of {@code ids} in that order, unknown ids left out. */
  public List<Album> albums(Collection<Long> ids) {
    return get(albums, ids);
  }

  /** The artists of {@code ids} in that order, unknown ids left out. */
  public List<Artist> artists(Collection<Long> ids) {
    return get(artists, ids);
  }

  /** The tracks of the given albums, in {@link CatalogStore#tracksOfAlbums}' order. */
  public List<Track> tracksOfAlbums(Collection<Long> albumIds) {
    return tracks(store.trackIdsOfAlbumsInOrder(albumIds));
  }

  /** The albums of the given primary artists, in {@link CatalogStore#albumsOfArtists}' order. */
  public List<Album> albumsOfArtists(Collection<Long> artistIds) {
    return albums(store.albumIdsOfArtistsInOrder(artistIds));
  }

  private <T> List<T> get(Kind<T> kind, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (!enabled) {
      return store.read(kind.table, ids);
    }
    startFollowing();
    Map<Long, T> found = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      T e = kind.entries.getIfPresent(id);
      if (e == null) {
        missing.add(id);
      } else {
        found.put(id, e);
      }
    }
    if (!missing.isEmpty()) {
      long generation = kind.generation.get();
      for (T e : store.read(kind.table, missing)) {
        long id = kind.table.id(e);
        found.put(id, e);
        kind.entries.asMap().compute(id, (k, old) -> kind.generation.get() == generation ? e : old);
      }
    }
    List<T> out = new ArrayList<>(ids.size());
    for (Long id : ids) {
      T e = found.get(id);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** Forgets the entities of {@code kind} (a change-log kind) with these ids. */
  void forget(String kind, Collection<Long> ids) {
    Kind<?> k = byName(kind);
    if (k != null) {
      k.generation.incrementAndGet();
      k.entries.invalidateAll(ids);
    }
  }

  private Kind<?> byName(String kind) {
    if (kind.equals(tracks.table.kind())) {
      return tracks;
    }
    if (kind.equals(albums.table.kind())) {
      return albums;
    }
    if (kind.equals(artists.table.kind())) {
      return artists;
    }
    return null; // users, playlists, reviews… are not cached
  }

  /** Forgets whatever the change log says changed since the last call. */
  @Override
  public synchronized void catchUp() {
    if (position < 0) {
      // Nothing was read yet: nothing cached can be older than the log's end.
      position = store.lastChangeSeq();
      return;
    }
    while (true) {
      List<Change> changes = store.changesAfter(position, CHANGE_BATCH);
      if (changes.isEmpty()) {
        return;
      }
      for (Change c : changes) {
        forget(c.kind(), List.of(c.id()));
      }
      position = changes.getLast().seq();
    }
  }

  /**
   * Starts following the change log on first use (not at construction: the CLI's short-lived
   * contexts never read through the cache and need no thread). The position is taken before the
   * first entity is cached, so no change after it can be missed.
   */
  private void startFollowing() {
    if (follower != null) {
      return;
    }
    synchronized (this) {
      if (follower != null) {
        return;
      }
      if (position < 0) {
        position = store.lastChangeSeq();
      }
      ScheduledExecutorService s =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "stave-entity-cache-follower");
                t.setDaemon(true);
                return t;
              });
      s.scheduleWithFixedDelay(
          this::catchUpQuietly, FOLLOW_PERIOD_MS, FOLLOW_PERIOD_MS, TimeUnit.MILLISECONDS);
      follower = s;
    }
  }

  private void catchUpQuietly() {
    try {
      catchUp();
      failing = false;
    } catch (RuntimeException e) {
      // Until the next tick succeeds, nothing new is cached that could be stale: drop everything.
      // Said once per outage, not every second while the store stays away.
      if (!failing) {
        log.warn("Entity cache could not follow the change log: {}", e.toString());
      }
      failing = true;
      tracks.clear();
      albums.clear();
      artists.clear();
    }
  }

  /**
   * Whether the last attempt to follow the change log failed (so the next failure is not logged).
   */
  private volatile boolean failing;

  @Override
  public void destroy() {
    ScheduledExecutorService s = follower;
    if (s != null) {
      s.shutdownNow();
    }
  }

  /** One cached kind: its table description, its entries and its generation counter. */
  private static final class Kind<T> {
    final EntityTable<T> table;
    final Cache<Long, T> entries;
    final AtomicLong generation = new AtomicLong();

    Kind(EntityTable<T> table, int size) {
      this.table = table;
      this.entries = Caffeine.newBuilder().maximumSize(size).build();
    }

    void clear() {
      generation.incrementAndGet();
      entries.invalidateAll();
    }
  }
}
