package dev.stave.subsonic.browse;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.library.Targets;
import dev.stave.library.UserRelation;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import dev.stave.subsonic.library.PlayerState;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The list methods: album lists of every type ({@code getAlbumList2}, and {@code getAlbumList} with
 * the albums as folders), {@code getRandomSongs}, {@code getSongsByGenre}, {@code getTopSongs},
 * {@code getSimilarSongs[2]}, {@code search3} and {@code getStarred2}. Lists and searches are
 * Lucene queries of the search index (as the other dialects' lists are); an empty {@code search3}
 * query lists the whole library page by page, as players that sync their library ask it to.
 *
 * <p>Where Stave's catalog has no exact counterpart (documented in docs/subsonic.md): {@code
 * newest} is by release date (the catalog records no date of addition), {@code frequent} by
 * popularity (albums have no play count of their own), {@code random} draws from the whole catalog
 * (random ids of its id range, a few queries for a whole page), and {@code getRandomSongs} with a
 * genre or years draws from every match of the index in one query ({@link
 * CatalogSearch#randomTracks}).
 */
@Component
class ListMethods implements SubsonicMethods {
  static final int MAX_SIZE = 500;
  private static final List<String> TYPES =
      List.of(
          "random",
          "newest",
          "highest",
          "frequent",
          "recent",
          "alphabeticalByName",
          "alphabeticalByArtist",
          "starred",
          "byYear",
          "byGenre");

  private final CatalogStore store;
  private final EntityCache entities;
  private final CatalogSearch search;
  private final LibraryStore library;
  private final PlayerState state;
  private final SubsonicViews views;
  private final Similarity similarity;
  private final LibraryPages pages;
  private final AlbumOrders orders;

  ListMethods(
      CatalogStore store,
      EntityCache entities,
      CatalogSearch search,
      LibraryStore library,
      PlayerState state,
      SubsonicViews views,
      Similarity similarity,
      LibraryPages pages,
      AlbumOrders orders) {
    this.store = store;
    this.entities = entities;
    this.search = search;
    this.library = library;
    this.state = state;
    this.views = views;
    this.similarity = similarity;
    this.pages = pages;
    this.orders = orders;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put(
        "getAlbumList2",
        r ->
            Node.of("albumList2").addAll("album", views.albums("album", albumList(r), r.userId())));
    m.put("getAlbumList", r -> Node.of("albumList").addAll("album", folders(albumList(r))));
    m.put("getRandomSongs", this::randomSongs);
    m.put("getSongsByGenre", this::songsByGenre);
    m.put("getTopSongs", this::topSongs);
    m.put("getSimilarSongs", r -> similarSongs("similarSongs", r));
    m.put("getSimilarSongs2", r -> similarSongs("similarSongs2", r));
    m.put("search3", this::search3);
    m.put("getStarred2", this::starred2);
    m.put("getNowPlaying", r -> Node.of("nowPlaying").addAll("entry", List.of()));
    return m;
  }

  // ------------------------------------------------------------------ album lists

  private List<Album> albumList(SubsonicRequest r) {
    String type = r.required("type");
    int size = r.integer("size", 10, 1, MAX_SIZE);
    int offset = r.integer("offset", 0, 0, TrackQuery.MAX_WINDOW - size);
    r.id("musicFolderId").ifPresent(BrowseMethods::checkFolder);
    EntityQuery.Builder q = EntityQuery.builder().page(offset, size);
    long user = r.userId();
    List<Long> ids =
        switch (type) {
          case "random" -> randomAlbums(size);
          case "newest" -> albumIds(q.sortBy(EntitySort.RELEASE_DATE, true));
          case "frequent" -> albumIds(q.sortBy(EntitySort.POPULARITY, true));
          case "alphabeticalByName" -> orders.page(AlbumOrders.Order.BY_NAME, offset, size);
          case "alphabeticalByArtist" -> orders.page(AlbumOrders.Order.BY_ARTIST, offset, size);
          case "highest" -> state.highestRated(user, PlayerState.Kind.ALBUM, offset, size);
          case "recent" -> state.recentAlbums(user, offset, size);
          case "starred" ->
              library.relations(List.of(user), Set.of(Relation.MYALBUM), Targets.ALL).stream()
                  .skip(offset)
                  .limit(size)
                  .map(UserRelation::targetId)
                  .toList();
          case "byYear" -> {
            int from = year(r, "fromYear");
            int to = year(r, "toYear");
            q.dated(
                    LocalDate.of(Math.min(from, to), 1, 1),
                    LocalDate.of(Math.max(from, to), 12, 31))
                .sortBy(EntitySort.RELEASE_DATE, from > to);
            yield albumIds(q);
          }
          case "byGenre" -> // albums with a track of the genre: the catalog's genres are track tags
              orders.genrePage(r.required("genre"), offset, size);
          default ->
              throw SubsonicException.invalid(
                  "type", "must be one of " + String.join(", ", TYPES), type);
        };
    return entities.albums(ids);
  }

  private List<Long> albumIds(EntityQuery.Builder q) {
    return search.albums(q.build()).ids();
  }

  /** Random albums of the whole catalog, drawn in a few queries, not one per album. */
  private List<Long> randomAlbums(int size) {
    return store.randomIds(CatalogStore.ALBUMS, size);
  }

  private static int year(SubsonicRequest r, String name) {
    r.required(name);
    return r.integer(name, 0, 1, 9999);
  }

  /** Albums as the folder children of the older {@code getAlbumList}. */
  private List<Node> folders(List<Album> albums) {
    Map<Long, Artist> artists =
        SubsonicViews.byId(
            entities.artists(albums.stream().map(Album::primaryArtistId).distinct().toList()),
            Artist::id);
    return albums.stream()
        .map(
            a ->
                Node.of("album")
                    .attr("id", SubsonicViews.albumId(a.id()))
                    .attr("parent", SubsonicViews.artistId(a.primaryArtistId()))
                    .attr("isDir", true)
                    .attr("title", a.name())
                    .attr("album", a.name())
                    .attr(
                        "artist",
                        artists.containsKey(a.primaryArtistId())
                            ? artists.get(a.primaryArtistId()).name()
                            : null)
                    .attr("year", SubsonicViews.year(a.releaseDate()))
                    .attr("coverArt", SubsonicViews.albumId(a.id())))
        .toList();
  }

  // ------------------------------------------------------------------ song lists

  private Node randomSongs(SubsonicRequest r) {
    int size = r.integer("size", 10, 1, MAX_SIZE);
    r.id("musicFolderId").ifPresent(BrowseMethods::checkFolder);
    TrackQuery.Builder q = TrackQuery.builder();
    r.string("genre").ifPresent(g -> q.tags(Set.of(g.toLowerCase(Locale.ROOT))));
    Integer from = r.string("fromYear").isPresent() ? r.integer("fromYear", 0, 1, 9999) : null;
    Integer to = r.string("toYear").isPresent() ? r.integer("toYear", 0, 1, 9999) : null;
    if (from != null || to != null) {
      q.released(
          from == null ? null : LocalDate.of(from, 1, 1),
          to == null ? null : LocalDate.of(to, 12, 31));
    }
    Set<Long> ids = new LinkedHashSet<>();
    if (r.string("genre").isEmpty() && from == null && to == null) {
      ids.addAll(store.randomIds(CatalogStore.TRACKS, size)); // the whole catalog: no index query
    } else {
      ids.addAll(search.randomTracks(q.build(), size)); // one index query for the whole list
    }
    return Node.of("randomSongs")
        .addAll("song", views.songs("song", entities.tracks(List.copyOf(ids)), r.userId()));
  }

  private Node songsByGenre(SubsonicRequest r) {
    String genre = r.required("genre").toLowerCase(Locale.ROOT);
    int count = r.integer("count", 10, 1, MAX_SIZE);
    int offset = r.integer("offset", 0, 0, TrackQuery.MAX_WINDOW - count);
    r.id("musicFolderId").ifPresent(BrowseMethods::checkFolder);
    SearchResult result =
        search.tracks(
            TrackQuery.builder()
                .tags(Set.of(genre))
                .sortBy(dev.stave.search.TrackSort.ID, false)
                .page(offset, count)
                .build());
    return Node.of("songsByGenre")
        .addAll("song", views.songs("song", entities.tracks(result.ids()), r.userId()));
  }

  /** The most listened songs of the artist named {@code artist}. */
  private Node topSongs(SubsonicRequest r) {
    String name = r.required("artist");
    int count = r.integer("count", 50, 1, MAX_SIZE);
    Long artistId = store.artistIdsByName(List.of(name)).get(name);
    List<Track> tracks =
        artistId == null
            ? List.of()
            : entities.tracks(
                search.tracks(BrowseMethods.topTracksOf(Set.of(artistId), 0, count)).ids());
    return Node.of("topSongs").addAll("song", views.songs("song", tracks, r.userId()));
  }

  /**
   * {@code getSimilarSongs2}: songs like an artist's; {@code getSimilarSongs}: the id may be a
   * song, an album ({@code al-N}) or an artist ({@code ar-N}).
   */
  private Node similarSongs(String element, SubsonicRequest r) {
    String raw = r.required("id");
    long id = r.requiredId("id");
    int count = r.integer("count", 50, 1, MAX_SIZE);
    List<Track> tracks;
    if (element.equals("similarSongs2") || raw.startsWith("ar-")) {
      if (entities.artists(List.of(id)).isEmpty()) {
        throw SubsonicException.notFound("artist (parameter 'id')", raw);
      }
      tracks = similarity.similarToArtist(id, count);
    } else if (raw.startsWith("al-")) {
      if (entities.albums(List.of(id)).isEmpty()) {
        throw SubsonicException.notFound("album (parameter 'id')", raw);
      }
      tracks = similarity.similarTracks(store.trackIdsOfAlbums(List.of(id)), Set.of(), count);
    } else {
      if (entities.tracks(List.of(id)).isEmpty()) {
        throw SubsonicException.notFound("song (parameter 'id')", raw);
      }
      tracks = similarity.similarTracks(List.of(id), Set.of(), count);
    }
    return Node.of(element).addAll("song", views.songs("song", tracks, r.userId()));
  }

  // ------------------------------------------------------------------ search and stars

  private Node search3(SubsonicRequest r) {
    String query = r.string("query").orElse("").strip();
    if (query.equals("\"\"") || query.equals("*")) {
      query = ""; // what some players send for "everything"
    }
    r.id("musicFolderId").ifPresent(BrowseMethods::checkFolder);
    String text = query.isEmpty() ? null : query;
    // the index answers up to its window; the library sync (empty query) pages to the end
    int maxOffset = text == null ? Integer.MAX_VALUE : TrackQuery.MAX_WINDOW - MAX_SIZE;
    int artistCount = r.integer("artistCount", 20, 0, MAX_SIZE);
    int artistOffset = r.integer("artistOffset", 0, 0, maxOffset);
    int albumCount = r.integer("albumCount", 20, 0, MAX_SIZE);
    int albumOffset = r.integer("albumOffset", 0, 0, maxOffset);
    int songCount = r.integer("songCount", 20, 0, MAX_SIZE);
    int songOffset = r.integer("songOffset", 0, 0, maxOffset);
    Node n = Node.of("searchResult3");
    // Decision: the empty query (a library sync, page after page) lists by id straight from the
    // catalog tables (LibraryPages): any page costs the same, not an index sort of offset + count
    // documents nor a walk of offset rows. The order and the pages are the same as the index's by
    // id.
    if (artistCount > 0) {
      List<Artist> artists =
          entities.artists(
              text == null
                  ? pages.page(CatalogStore.ARTISTS, artistOffset, artistCount)
                  : search
                      .artists(
                          EntityQuery.builder().text(text).page(artistOffset, artistCount).build())
                      .ids());
      n.addAll(
          "artist",
          views.artists(
              "artist",
              artists,
              views.albumCounts(artists.stream().map(Artist::id).toList()),
              r.userId()));
    }
    if (albumCount > 0) {
      List<Long> ids =
          text == null
              ? pages.page(CatalogStore.ALBUMS, albumOffset, albumCount)
              : search
                  .albums(EntityQuery.builder().text(text).page(albumOffset, albumCount).build())
                  .ids();
      n.addAll("album", views.albums("album", entities.albums(ids), r.userId()));
    }
    if (songCount > 0) {
      List<Long> ids =
          text == null
              ? pages.page(CatalogStore.TRACKS, songOffset, songCount)
              : search
                  .tracks(TrackQuery.builder().text(text).page(songOffset, songCount).build())
                  .ids();
      n.addAll("song", views.songs("song", entities.tracks(ids), r.userId()));
    }
    return n;
  }

  /** The caller's stars: the artists they are a fan of, their albums, their favorite tracks. */
  private Node starred2(SubsonicRequest r) {
    long user = r.userId();
    List<Long> artistIds = targets(user, Relation.FAN);
    List<Long> albumIds = targets(user, Relation.MYALBUM);
    List<Long> trackIds = targets(user, Relation.FAVORITE);
    List<Artist> artists = entities.artists(artistIds);
    return Node.of("starred2")
        .addAll("artist", views.artists("artist", artists, views.albumCounts(artistIds), user))
        .addAll("album", views.albums("album", entities.albums(albumIds), user))
        .addAll("song", views.songs("song", entities.tracks(trackIds), user));
  }

  private List<Long> targets(long user, Relation relation) {
    return library.relations(List.of(user), Set.of(relation), Targets.ALL).stream()
        .map(UserRelation::targetId)
        .toList();
  }
}
