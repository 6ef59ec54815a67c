package dev.stave.subsonic.browse;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Completion;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Browsing the catalog by artist and album, the ID3 way ({@code getArtists}, {@code getArtist},
 * {@code getAlbum}, {@code getSong}) and the folder way ({@code getIndexes}, {@code
 * getMusicDirectory}: artist folders {@code ar-N} hold album folders {@code al-N}, which hold the
 * songs), with the info methods ({@code getArtistInfo[2]}: similar artists from the recommendation
 * engine; {@code getAlbumInfo[2]}) and {@code getGenres}.
 */
@Component
class BrowseMethods implements SubsonicMethods {
  /** How many genres getGenres lists at most (the most used first). */
  static final int MAX_GENRES = 500;

  private final CatalogStore store;
  private final EntityCache entities;
  private final CatalogSearch search;
  private final SubsonicViews views;
  private final ArtistIndex index;
  private final Similarity similarity;
  private volatile CachedGenres genres;

  BrowseMethods(
      CatalogStore store,
      EntityCache entities,
      CatalogSearch search,
      SubsonicViews views,
      ArtistIndex index,
      Similarity similarity) {
    this.store = store;
    this.entities = entities;
    this.search = search;
    this.views = views;
    this.index = index;
    this.similarity = similarity;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("getIndexes", r -> indexes("indexes", r));
    m.put("getArtists", r -> indexes("artists", r));
    m.put("getArtist", this::artist);
    m.put("getAlbum", r -> views.albumWithSongs(album(r.requiredId("id")), r.userId()));
    m.put(
        "getSong",
        r -> views.songs("song", List.of(track(r.requiredId("id"))), r.userId()).getFirst());
    m.put("getMusicDirectory", this::directory);
    m.put("getArtistInfo", r -> artistInfo("artistInfo", r));
    m.put("getArtistInfo2", r -> artistInfo("artistInfo2", r));
    m.put("getAlbumInfo", r -> albumInfo("albumInfo", r));
    m.put("getAlbumInfo2", r -> albumInfo("albumInfo", r));
    m.put("getGenres", r -> genres());
    return m;
  }

  /**
   * Every artist under its letter. {@code musicFolderId} may only name the one folder; {@code
   * ifModifiedSince} (getIndexes) answers an empty index when nothing changed since.
   */
  private Node indexes(String element, SubsonicRequest r) {
    r.id("musicFolderId").ifPresent(BrowseMethods::checkFolder);
    return index.answer(element, r.longValue("ifModifiedSince").orElse(-1L));
  }

  static void checkFolder(long id) {
    if (id != SystemMethods.FOLDER_ID) {
      throw SubsonicException.notFound("music folder (parameter 'musicFolderId')", id);
    }
  }

  private Node artist(SubsonicRequest r) {
    Artist a = artistById(r.requiredId("id"));
    List<Album> albums = entities.albumsOfArtists(List.of(a.id()));
    Node n =
        views.artists("artist", List.of(a), Map.of(a.id(), albums.size()), r.userId()).getFirst();
    return n.addAll("album", views.albums("album", albums, r.userId()));
  }

  /** A folder: {@code ar-N} lists the artist's albums, {@code al-N} (or a plain id) the songs. */
  private Node directory(SubsonicRequest r) {
    String id = r.required("id");
    long n = r.requiredId("id");
    if (id.startsWith("ar-")) {
      Artist a = artistById(n);
      Node dir = Node.of("directory").attr("id", id).attr("name", a.name());
      for (Album album : entities.albumsOfArtists(List.of(n))) {
        dir.add(
            Node.of("child")
                .attr("id", SubsonicViews.albumId(album.id()))
                .attr("parent", id)
                .attr("isDir", true)
                .attr("title", album.name())
                .attr("album", album.name())
                .attr("artist", a.name())
                .attr("year", SubsonicViews.year(album.releaseDate()))
                .attr("coverArt", SubsonicViews.albumId(album.id())));
      }
      return dir.addAll("child", List.of());
    }
    Album album = album(n);
    List<Track> tracks =
        entities.tracksOfAlbums(List.of(n)).stream()
            .sorted(dev.stave.audio.TrackAudio.ALBUM_ORDER)
            .toList();
    return Node.of("directory")
        .attr("id", SubsonicViews.albumId(n))
        .attr("parent", SubsonicViews.artistId(album.primaryArtistId()))
        .attr("name", album.name())
        .addAll("child", views.songs("child", tracks, r.userId()));
  }

  private Node artistInfo(String element, SubsonicRequest r) {
    Artist a = artistById(r.requiredId("id"));
    int count = r.integer("count", 20, 0, 100);
    Node n = Node.of(element);
    String bio =
        a.descriptions()
            .getOrDefault("en", a.descriptions().values().stream().findFirst().orElse(null));
    if (bio != null) {
      n.one(Node.of("biography").text(bio));
    }
    if (a.externalIds().musicbrainzId() != null) {
      n.one(Node.of("musicBrainzId").text(a.externalIds().musicbrainzId()));
    }
    if (a.image() != null && !a.image().isBlank()) {
      n.one(Node.of("largeImageUrl").text(a.image()));
    }
    List<Artist> similar = count == 0 ? List.of() : similarity.similarArtists(a.id(), count);
    Map<Long, Integer> counts = views.albumCounts(similar.stream().map(Artist::id).toList());
    return n.addAll("similarArtist", views.artists("similarArtist", similar, counts, r.userId()));
  }

  private Node albumInfo(String element, SubsonicRequest r) {
    Album a = album(r.requiredId("id"));
    Node n = Node.of(element);
    String notes =
        a.descriptions()
            .getOrDefault("en", a.descriptions().values().stream().findFirst().orElse(null));
    if (notes != null) {
      n.one(Node.of("notes").text(notes));
    }
    if (a.externalIds().musicbrainzId() != null) {
      n.one(Node.of("musicBrainzId").text(a.externalIds().musicbrainzId()));
    }
    return n;
  }

  /**
   * The tags of the catalog's tracks, most used first, with how many songs carry each and how many
   * albums hold such a song. Counting albums reads every matching track, so the answer is kept
   * until the catalog changes.
   */
  private Node genres() {
    long seq = store.lastChangeSeq();
    CachedGenres cached = genres;
    if (cached != null && cached.seq() == seq) {
      return cached.node();
    }
    List<Completion> tags = new ArrayList<>(search.completeTags("", MAX_GENRES));
    tags.sort((x, y) -> Long.compare(y.count(), x.count()));
    Node n = Node.of("genres").addAll("genre", List.of());
    for (Completion tag : tags) {
      int albums =
          search
              .parentsOfTracks(
                  TrackQuery.builder().tags(Set.of(tag.match())).build(),
                  CatalogSearch.Parent.ALBUM)
              .size();
      n.add(
          Node.of("genre")
              .attr("songCount", tag.count())
              .attr("albumCount", albums)
              .text(tag.match()));
    }
    genres = new CachedGenres(seq, n);
    return n;
  }

  /** The genres answer at one point of the change log. */
  private record CachedGenres(long seq, Node node) {}

  Artist artistById(long id) {
    List<Artist> a = entities.artists(List.of(id));
    if (a.isEmpty()) {
      throw SubsonicException.notFound("artist (parameter 'id')", id);
    }
    return a.getFirst();
  }

  private Album album(long id) {
    List<Album> a = entities.albums(List.of(id));
    if (a.isEmpty()) {
      throw SubsonicException.notFound("album (parameter 'id')", id);
    }
    return a.getFirst();
  }

  private Track track(long id) {
    List<Track> t = entities.tracks(List.of(id));
    if (t.isEmpty()) {
      throw SubsonicException.notFound("song (parameter 'id')", id);
    }
    return t.getFirst();
  }

  /** The ids of an artist's best-known tracks (most listened), for seeds and top songs. */
  static TrackQuery topTracksOf(Set<Long> artistIds, int offset, int count) {
    return TrackQuery.builder()
        .artistIds(artistIds)
        .sortBy(TrackSort.LISTENS_TOTAL, true)
        .sortBy(TrackSort.POPULARITY, true)
        .page(offset, count)
        .build();
  }

  static <T> List<T> distinct(List<T> items) {
    return List.copyOf(new LinkedHashSet<>(items));
  }
}
