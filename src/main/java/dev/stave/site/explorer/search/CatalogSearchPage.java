package dev.stave.site.explorer.search;

import dev.stave.catalog.EntityCache;
import dev.stave.library.LibraryStore;
import dev.stave.library.Order;
import dev.stave.library.Page;
import dev.stave.library.PlaylistQuery;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import dev.stave.site.TrackRow;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.AlbumCard;
import dev.stave.site.explorer.ArtistCard;
import dev.stave.site.explorer.Cards;
import dev.stave.site.explorer.PlaylistCard;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The results of a search page, one group per kind, each on its own page: artists and albums from
 * the index's entity search, tracks from its track search (relevance with popularity blended in, as
 * Jamendo's {@code search} ranks), playlists from the library's name search (playlists are not in
 * the search index; the library reads their names in one streamed pass, a few thousand rows on the
 * demo catalog). A tag page lists the tracks and albums carrying the tag, most popular first.
 */
@Component
public class CatalogSearchPage {
  static final int ARTISTS_PER_PAGE = 12;
  static final int ALBUMS_PER_PAGE = 12;
  static final int TRACKS_PER_PAGE = 20;
  static final int PLAYLISTS_PER_PAGE = 10;

  /** How much popularity weighs against text relevance in track results. */
  static final float POPULARITY_BOOST = 0.5f;

  private final CatalogSearch search;
  private final EntityCache entities;
  private final LibraryStore library;
  private final TrackRows rows;
  private final Cards cards;

  public CatalogSearchPage(
      CatalogSearch search,
      EntityCache entities,
      LibraryStore library,
      TrackRows rows,
      Cards cards) {
    this.search = search;
    this.entities = entities;
    this.library = library;
    this.rows = rows;
    this.cards = cards;
  }

  /** What a search page shows; a group is empty when its kind is not searched (a tag page). */
  public record Results(
      ResultGroup<ArtistCard> artists,
      ResultGroup<AlbumCard> albums,
      ResultGroup<TrackRow> tracks,
      ResultGroup<PlaylistCard> playlists) {
    public long total() {
      return artists.total() + albums.total() + tracks.total() + playlists.total();
    }
  }

  /** Results for a text search; nothing when the text has no word to search for. */
  public Results text(SearchParams p) {
    if (!CatalogSearch.hasSearchWords(p.q())) {
      return new Results(
          ResultGroup.empty("artists", ARTISTS_PER_PAGE),
          ResultGroup.empty("albums", ALBUMS_PER_PAGE),
          ResultGroup.empty("tracks", TRACKS_PER_PAGE),
          ResultGroup.empty("playlists", PLAYLISTS_PER_PAGE));
    }
    return new Results(
        group(
            p,
            "artists",
            ARTISTS_PER_PAGE,
            offset ->
                search.artists(
                    EntityQuery.builder().text(p.q()).page(offset, ARTISTS_PER_PAGE).build()),
            ids -> cards.artists(entities.artists(ids))),
        albums(p, EntityQuery.builder().text(p.q())),
        tracks(p, TrackQuery.builder().text(p.q()).boost(TrackSort.POPULARITY, POPULARITY_BOOST)),
        playlists(p));
  }

  /** Tracks and albums carrying {@code p.tag()}, most popular first. */
  public Results tag(SearchParams p) {
    List<String> tag = List.of(p.tag().toLowerCase(java.util.Locale.ROOT));
    return new Results(
        ResultGroup.empty("artists", ARTISTS_PER_PAGE),
        albums(p, EntityQuery.builder().tags(tag).sortBy(EntitySort.POPULARITY, true)),
        tracks(p, TrackQuery.builder().tags(tag).sortBy(TrackSort.POPULARITY, true)),
        ResultGroup.empty("playlists", PLAYLISTS_PER_PAGE));
  }

  private ResultGroup<AlbumCard> albums(SearchParams p, EntityQuery.Builder query) {
    return group(
        p,
        "albums",
        ALBUMS_PER_PAGE,
        offset -> search.albums(query.page(offset, ALBUMS_PER_PAGE).build()),
        ids -> cards.albums(entities.albums(ids)));
  }

  private ResultGroup<TrackRow> tracks(SearchParams p, TrackQuery.Builder query) {
    return group(
        p,
        "tracks",
        TRACKS_PER_PAGE,
        offset -> search.tracks(query.page(offset, TRACKS_PER_PAGE).build()),
        ids -> rows.of(entities.tracks(ids)));
  }

  private ResultGroup<PlaylistCard> playlists(SearchParams p) {
    if (!NameMatch.comparable(p.q())) {
      return ResultGroup.empty("playlists", PLAYLISTS_PER_PAGE);
    }
    int offset = p.offset("playlists", PLAYLISTS_PER_PAGE);
    Page<Long> page =
        library.playlists(
            PlaylistQuery.builder()
                .nameContains(p.q())
                .orders(List.of(new Order<>(PlaylistQuery.Field.NAME, false)))
                .offset(offset)
                .limit(PLAYLISTS_PER_PAGE)
                .build());
    return paged(
        p,
        "playlists",
        PLAYLISTS_PER_PAGE,
        cards.playlists(library.playlists(page.items())),
        page.total());
  }

  private <T> ResultGroup<T> group(
      SearchParams p,
      String param,
      int pageSize,
      Function<Integer, SearchResult> query,
      Function<List<Long>, List<T>> hydrate) {
    SearchResult found = query.apply(p.offset(param, pageSize));
    return paged(p, param, pageSize, hydrate.apply(found.ids()), found.total());
  }

  private static <T> ResultGroup<T> paged(
      SearchParams p, String param, int pageSize, List<T> items, long total) {
    int page = p.page(param);
    boolean more = (long) page * pageSize < total;
    return new ResultGroup<>(
        param,
        items,
        total,
        page,
        pageSize,
        page > 1 ? p.href(param, page - 1) : null,
        more ? p.href(param, page + 1) : null);
  }
}
