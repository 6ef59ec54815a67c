package dev.stave.subsonic.browse;

import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.CatalogStore.AlbumTotals;
import dev.stave.catalog.CatalogStore.ArtistSummary;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.library.Targets;
import dev.stave.library.UserRelation;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.library.PlayerState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Renders catalog entities as the Subsonic elements players read: a track as a {@code Child}
 * (song), an album as an {@code AlbumID3}, an artist as an {@code ArtistID3}, with the caller's own
 * marks ({@code starred}: the shared library's favorite, my-album and fan relations; {@code
 * userRating}). Each list is rendered with a fixed number of queries for its names, marks, counts
 * and audio files, whatever its length: an album's song count, length, play count and genres come
 * from grouped queries ({@link CatalogStore#albumTotals}, {@link CatalogStore#trackTagsOfAlbums}),
 * not from reading its tracks; the songs' files from one query per page.
 *
 * <p>Ids: a song's is its track id; an album's is {@code al-N} and an artist's {@code ar-N}, since
 * Stave numbers tracks, albums and artists apart and several methods ({@code setRating}, {@code
 * getCoverArt}, {@code getSimilarSongs}, {@code getMusicDirectory}) take an id of any kind. Every
 * method also accepts the bare number where its parameter names one kind. A track without an audio
 * file is listed all the same (the catalog is one), without {@code suffix}, {@code contentType},
 * {@code size} or {@code bitRate}, and {@code stream} answers it with code 70.
 */
@Component
public class SubsonicViews {
  private final CatalogStore store;
  private final EntityCache entities;
  private final LibraryStore library;
  private final PlayerState state;
  private final AudioFileStore files;

  public SubsonicViews(
      CatalogStore store,
      EntityCache entities,
      LibraryStore library,
      PlayerState state,
      AudioFileStore files) {
    this.store = store;
    this.entities = entities;
    this.library = library;
    this.state = state;
    this.files = files;
  }

  // ------------------------------------------------------------------ songs

  /** Songs as elements named {@code element} ({@code song}, {@code entry}, {@code child}). */
  public List<Node> songs(String element, List<Track> tracks, long userId) {
    if (tracks.isEmpty()) {
      return List.of();
    }
    List<Long> ids = tracks.stream().map(Track::id).toList();
    Map<Long, Artist> artists =
        byId(
            entities.artists(
                tracks.stream().flatMap(t -> t.artistIds().stream()).distinct().toList()),
            Artist::id);
    Map<Long, Album> albums =
        byId(
            entities.albums(
                tracks.stream().map(Track::albumId).filter(a -> a != null).distinct().toList()),
            Album::id);
    Map<Long, String> starred = starred(userId, Relation.FAVORITE, ids);
    Map<Long, Integer> ratings = state.ratings(userId, PlayerState.Kind.SONG, ids);
    Map<Long, AudioFile> audio = files.forTracks(ids);
    List<Node> out = new ArrayList<>(tracks.size());
    for (Track t : tracks) {
      out.add(
          song(element, t, artists, albums.get(t.albumId()), Optional.ofNullable(audio.get(t.id())))
              .attr("starred", starred.get(t.id()))
              .attr("userRating", ratings.get(t.id())));
    }
    return out;
  }

  private static Node song(
      String element, Track t, Map<Long, Artist> artists, Album album, Optional<AudioFile> file) {
    Artist primary = artists.get(t.primaryArtistId());
    String genre = genres(t).stream().findFirst().orElse(null);
    Node n =
        Node.of(element)
            .attr("id", Long.toString(t.id()))
            .attr("parent", t.albumId() == null ? null : albumId(t.albumId()))
            .attr("isDir", false)
            .attr("title", t.name())
            .attr("album", album == null ? null : album.name())
            .attr("artist", primary == null ? null : primary.name())
            .attr("track", t.position())
            .attr("year", year(t.releaseDate()))
            .attr("genre", genre)
            .attr("coverArt", t.albumId() == null ? "tr-" + t.id() : albumId(t.albumId()));
    file.ifPresent(
        f -> {
          Suffix s = Suffix.of(f);
          n.attr("size", f.size())
              .attr("contentType", s.contentType)
              .attr("suffix", s.suffix)
              .attr("transcodedContentType", s.servedAsIs ? null : "audio/mpeg")
              .attr("transcodedSuffix", s.servedAsIs ? null : "mp3");
        });
    n.attr("duration", Math.round(t.durationMs() / 1000.0))
        .attr("bitRate", file.map(AudioFile::bitrateKbps).filter(b -> b > 0).orElse(null))
        .attr("samplingRate", file.map(AudioFile::sampleRate).orElse(null))
        .attr("channelCount", file.map(AudioFile::channels).orElse(null))
        .attr("playCount", t.stats().listensTotal())
        .attr("discNumber", t.disc())
        .attr("created", created(t.releaseDate()))
        .attr("albumId", t.albumId() == null ? null : albumId(t.albumId()))
        .attr("artistId", artistId(t.primaryArtistId()))
        .attr("type", "music")
        .attr("mediaType", "song")
        .attr("isVideo", false)
        .attr("bpm", t.features().tempo() == null ? null : (int) Math.round(t.features().tempo()))
        .attr("musicBrainzId", t.externalIds().musicbrainzId())
        .attr("displayArtist", displayArtist(t.artistIds(), artists));
    if (t.externalIds().isrc() != null) {
      n.value("isrc", t.externalIds().isrc());
    }
    n.addAll("genres", genres(t).stream().map(g -> Node.of("genres").attr("name", g)).toList());
    n.addAll("artists", artistRefs(t.artistIds(), artists, "artists"));
    return n;
  }

  /** How the original file is named to players, and whether {@code stream} serves it as it is. */
  private record Suffix(String suffix, String contentType, boolean servedAsIs) {
    static Suffix of(AudioFile f) {
      String c = f.codec() == null ? "" : f.codec();
      if (c.equals("mp3")) {
        return new Suffix("mp3", "audio/mpeg", true);
      }
      if (c.equals("flac") && "flac".equals(f.container())) {
        return new Suffix("flac", "audio/flac", true);
      }
      if (c.equals("vorbis") && "ogg".equals(f.container())) {
        return new Suffix("ogg", "audio/ogg", true);
      }
      String container = f.container() == null ? "bin" : f.container();
      return new Suffix(
          container, container.equals("wav") ? "audio/wav" : "audio/" + container, false);
    }
  }

  static List<String> genres(Track t) {
    return t.tags().stream().filter(g -> Tag.GENRE.equals(g.category())).map(Tag::name).toList();
  }

  // ------------------------------------------------------------------ albums

  /** Albums ({@code AlbumID3}) as elements named {@code element}, counted from their tracks. */
  public List<Node> albums(String element, List<Album> albums, long userId) {
    if (albums.isEmpty()) {
      return List.of();
    }
    List<Long> ids = albums.stream().map(Album::id).toList();
    Map<Long, AlbumTotals> totals = store.albumTotals(ids);
    Map<Long, List<String>> trackGenres = store.trackTagsOfAlbums(ids, Tag.GENRE);
    Map<Long, Artist> artists =
        byId(
            entities.artists(
                albums.stream().flatMap(a -> a.artistIds().stream()).distinct().toList()),
            Artist::id);
    Map<Long, String> starred = starred(userId, Relation.MYALBUM, ids);
    Map<Long, Integer> ratings = state.ratings(userId, PlayerState.Kind.ALBUM, ids);
    List<Node> out = new ArrayList<>();
    for (Album a : albums) {
      out.add(
          album(
                  element,
                  a,
                  totals.getOrDefault(a.id(), AlbumTotals.NONE),
                  trackGenres.getOrDefault(a.id(), List.of()),
                  artists)
              .attr("starred", starred.get(a.id()))
              .attr("userRating", ratings.get(a.id())));
    }
    return out;
  }

  /** One album with its songs in album order ({@code AlbumID3WithSongs}). */
  public Node albumWithSongs(Album a, long userId) {
    Node n = albums("album", List.of(a), userId).getFirst();
    List<Track> tracks =
        entities.tracksOfAlbums(List.of(a.id())).stream()
            .sorted(dev.stave.audio.TrackAudio.ALBUM_ORDER)
            .toList();
    return n.addAll("song", songs("song", tracks, userId));
  }

  private static Node album(
      String element,
      Album a,
      AlbumTotals totals,
      List<String> trackGenres,
      Map<Long, Artist> artists) {
    Artist primary = artists.get(a.primaryArtistId());
    Set<String> genres = new LinkedHashSet<>(a.tags());
    genres.addAll(trackGenres);
    Node n =
        Node.of(element)
            .attr("id", albumId(a.id()))
            .attr("name", a.name())
            .attr("artist", primary == null ? null : primary.name())
            .attr("artistId", artistId(a.primaryArtistId()))
            .attr("coverArt", albumId(a.id()))
            .attr("songCount", totals.tracks())
            .attr("duration", Math.round(totals.durationMs() / 1000.0))
            .attr("playCount", totals.listens())
            .attr("created", created(a.releaseDate()))
            .attr("year", year(a.releaseDate()))
            .attr("genre", genres.stream().findFirst().orElse(null))
            .attr("musicBrainzId", a.externalIds().musicbrainzId())
            .attr("displayArtist", displayArtist(a.artistIds(), artists))
            .attr("isCompilation", "compilation".equals(a.albumType()));
    n.addAll("genres", genres.stream().map(g -> Node.of("genres").attr("name", g)).toList());
    n.addAll("artists", artistRefs(a.artistIds(), artists, "artists"));
    n.value("releaseTypes", a.albumType());
    if (a.label() != null) {
      n.add(Node.of("recordLabels").attr("name", a.label()));
    }
    return n;
  }

  // ------------------------------------------------------------------ artists

  /** Artists ({@code ArtistID3}) as elements named {@code element}, with album counts given. */
  public List<Node> artists(
      String element, List<Artist> artists, Map<Long, Integer> albumCounts, long userId) {
    List<Long> ids = artists.stream().map(Artist::id).toList();
    Map<Long, String> starred = starred(userId, Relation.FAN, ids);
    Map<Long, Integer> ratings = state.ratings(userId, PlayerState.Kind.ARTIST, ids);
    List<Node> out = new ArrayList<>(artists.size());
    for (Artist a : artists) {
      out.add(
          artist(element, a, albumCounts.getOrDefault(a.id(), 0))
              .attr("starred", starred.get(a.id()))
              .attr("userRating", ratings.get(a.id())));
    }
    return out;
  }

  /** An artist element without the caller's marks. */
  public static Node artist(String element, Artist a, int albumCount) {
    return artist(
        element,
        new ArtistSummary(
            a.id(), a.name(), a.image(), a.externalIds().musicbrainzId(), albumCount));
  }

  /** An artist element from its summary, without the caller's marks (the cached index lists). */
  public static Node artist(String element, ArtistSummary a) {
    return Node.of(element)
        .attr("id", artistId(a.id()))
        .attr("name", a.name())
        .attr("coverArt", artistId(a.id()))
        .attr("albumCount", a.albumCount())
        .attr("artistImageUrl", a.image() == null || a.image().isBlank() ? null : a.image())
        .attr("musicBrainzId", a.musicbrainzId());
  }

  /** Album counts of the given artists (albums whose primary artist they are). */
  public Map<Long, Integer> albumCounts(Collection<Long> artistIds) {
    return artistIds.isEmpty() ? Map.of() : store.albumCountsByArtist(artistIds);
  }

  // ------------------------------------------------------------------ helpers

  /** An album's id on the wire: {@code al-N}, so that no album id equals a song's or artist's. */
  public static String albumId(long id) {
    return "al-" + id;
  }

  /** An artist's id on the wire: {@code ar-N}. */
  public static String artistId(long id) {
    return "ar-" + id;
  }

  /** When the user starred each of {@code ids} (ISO 8601, UTC), for those starred. */
  public Map<Long, String> starred(long userId, Relation relation, List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return library.relations(List.of(userId), Set.of(relation), Targets.ids(ids)).stream()
        .collect(
            Collectors.toMap(
                UserRelation::targetId, r -> iso(r.updatedAt()), (x, y) -> x, HashMap::new));
  }

  public static String iso(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC).toString();
  }

  private static List<Node> artistRefs(List<Long> ids, Map<Long, Artist> artists, String element) {
    return ids.stream()
        .map(artists::get)
        .filter(a -> a != null)
        .map(a -> Node.of(element).attr("id", artistId(a.id())).attr("name", a.name()))
        .toList();
  }

  private static String displayArtist(List<Long> ids, Map<Long, Artist> artists) {
    String joined =
        ids.stream()
            .map(artists::get)
            .filter(a -> a != null)
            .map(Artist::name)
            .collect(Collectors.joining(", "));
    return joined.isEmpty() ? null : joined;
  }

  static Integer year(ReleaseDate d) {
    return d == null || d.date() == null ? null : d.date().getYear();
  }

  static String created(ReleaseDate d) {
    LocalDate day = d == null || d.date() == null ? LocalDate.EPOCH : d.date();
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }

  static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
    Map<Long, T> m = new HashMap<>();
    items.forEach(i -> m.put(id.apply(i), i));
    return m;
  }
}
