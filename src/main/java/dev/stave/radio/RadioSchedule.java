package dev.stave.radio;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Radio;
import dev.stave.catalog.Track;
import dev.stave.search.CatalogSearch;
import dev.stave.search.SearchIndex;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each radio plays, for every listener alike: the server-side schedule behind a radio stream.
 *
 * <p>A radio's <em>pool</em> is the {@value #POOL_SIZE} most popular catalog tracks carrying any of
 * the radio's tags (a radio without tags, such as {@code bestof}, draws from the whole catalog),
 * ties broken by id, tracks without a duration left out. The pool is read from the search index and
 * kept until the index changes. Over the pool, a {@link Programme} derives the running order from
 * the clock alone, so every caller hears the same track at the same instant, on every node and
 * across restarts, as long as the catalog is the same. When the catalog changes, the pool and with
 * it the running order change from that moment on.
 */
@Component
public class RadioSchedule {
  /** Tracks a radio rotates through: about a week of music before any track comes back. */
  public static final int POOL_SIZE = 2_000;

  private final CatalogSearch search;
  private final CatalogStore store;
  private final SearchIndex index;
  private final Map<Long, Cached> programmes = new ConcurrentHashMap<>();

  private record Cached(long seq, List<String> tags, Programme programme) {}

  public RadioSchedule(CatalogSearch search, CatalogStore store, SearchIndex index) {
    this.search = search;
    this.store = store;
    this.index = index;
  }

  /** The track on air on {@code radio} at {@code at}; empty when no catalog track matches it. */
  public Optional<Programme.Slot> onAir(Radio radio, Instant at) {
    Programme p = programme(radio);
    return p.isEmpty() ? Optional.empty() : Optional.of(p.at(at));
  }

  /** The radio's programme over its current pool. */
  public Programme programme(Radio radio) {
    long seq = index.appliedSeq();
    Cached c = programmes.get(radio.id());
    if (c == null || c.seq() != seq || !c.tags().equals(radio.tags())) {
      c = new Cached(seq, radio.tags(), new Programme(radio.id(), pool(radio)));
      programmes.put(radio.id(), c);
    }
    return c.programme();
  }

  private List<Programme.Entry> pool(Radio radio) {
    TrackQuery.Builder q =
        TrackQuery.builder().sortBy(TrackSort.POPULARITY, true).page(0, POOL_SIZE);
    if (!radio.tags().isEmpty()) {
      q.fuzzyTags(radio.tags());
    }
    List<Track> tracks = store.findTracks(search.tracks(q.build()).ids());
    return tracks.stream()
        .filter(t -> t.durationMs() > 0)
        .map(t -> new Programme.Entry(t.id(), t.durationMs()))
        .toList();
  }
}
