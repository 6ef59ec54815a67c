package dev.stave.jamendo.library;

import dev.stave.access.AccessGrant;
import dev.stave.access.AccessTokens;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.library.User;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the Jamendo library methods (playlists, reviews, users) share: the {@code access_token}
 * check, how users, scores and dates are written, and tracks loaded with their albums and artists
 * in three batched reads through the {@link EntityCache} (issue 15: a page whose entities were
 * asked for before needs no SQL for them; a write to a track — a favorite, a listen — is forgotten
 * before it returns, so the next page shows it).
 *
 * <p>Review scores are stored on Stave's 0–5 scale and written on Jamendo's 0–10 scale (spec
 * samples show {@code "8"}, {@code "10"}).
 */
@Component
public class LibraryViews {
  /** The audio formats of stream and download URLs (spec §6.2). */
  public static final List<String> AUDIO_FORMATS = List.of("mp31", "mp32", "ogg", "flac");

  /** User avatar sizes (spec §6.1). */
  public static final List<String> AVATAR_SIZES = List.of("30", "50", "100");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private final AccessTokens tokens;
  private final EntityCache catalog;
  private final JamendoLinks links;

  public LibraryViews(AccessTokens tokens, EntityCache catalog, JamendoLinks links) {
    this.tokens = tokens;
    this.catalog = catalog;
    this.links = links;
  }

  public JamendoLinks links() {
    return links;
  }

  /**
   * The user of the request's {@code access_token}, empty without one.
   *
   * @throws JamendoException code 12 when the token is not one this server issued and still honours
   */
  public Optional<Long> tokenUser(JamendoParams p) {
    return tokenGrant(p).map(AccessGrant::userId);
  }

  /**
   * The grant of the request's {@code access_token}, empty without one.
   *
   * @throws JamendoException code 12 when the token is unknown, expired or revoked, or was issued
   *     to another app than {@code client_id}'s
   */
  public Optional<AccessGrant> tokenGrant(JamendoParams p) {
    Optional<String> token = p.string("access_token");
    if (token.isEmpty()) {
      return Optional.empty();
    }
    AccessGrant grant =
        tokens
            .grant(token.get())
            .orElseThrow(
                () ->
                    new JamendoException(
                        JamendoCode.ACCESS_TOKEN,
                        "invalid or expired access token in parameter 'access_token'"));
    if (!grant.clientId().equals(p.string("client_id").orElse(""))) {
      throw new JamendoException(
          JamendoCode.ACCESS_TOKEN,
          "the access token was issued to another application than client_id's");
    }
    return Optional.of(grant);
  }

  /**
   * The author filter of a list method: the ids of {@code param} narrowed to the {@code
   * access_token}'s user when there is one; empty when the two exclude each other (nothing can
   * match).
   */
  public Optional<List<Long>> authors(JamendoParams p, String param) {
    List<Long> ids = p.integers(param);
    Optional<Long> tokenUser = tokenUser(p);
    if (tokenUser.isEmpty()) {
      return Optional.of(ids);
    }
    if (!ids.isEmpty() && !ids.contains(tokenUser.get())) {
      return Optional.empty();
    }
    return Optional.of(List.of(tokenUser.get()));
  }

  /** A user as users* methods write it (spec §7.4): ids as strings, the avatar at {@code size}. */
  public Map<String, Object> user(User u, String size) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", u.name());
    m.put("dispname", u.dispname() == null ? u.name() : u.dispname());
    m.put("id", String.valueOf(u.id()));
    m.put("lang", text(u.lang()));
    m.put("creationdate", date(u.creationDate()));
    m.put("image", links.image("user", u.id(), u.image(), size));
    return m;
  }

  /** A stored 0–5 score on Jamendo's 0–10 scale as a string, {@code ""} without a score. */
  public static String score(Double stored) {
    if (stored == null) {
      return "";
    }
    return BigDecimal.valueOf(stored * 2).stripTrailingZeros().toPlainString();
  }

  /** {@code yyyy-mm-dd hh:mm:ss}, as Jamendo writes relation times. */
  public static String dateTime(LocalDateTime t) {
    return t == null ? "" : TIME.format(t);
  }

  public static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  public static String text(String s) {
    return s == null ? "" : s;
  }

  /** The cover size of {@code param} (default 300) and the stream and download formats. */
  public static TrackFormat trackFormat(JamendoParams p, String imageParam) {
    String size = p.oneOf(imageParam, EntityParams.COVER_SIZES).orElse("300");
    Optional<String> audio = p.oneOf("audioformat", AUDIO_FORMATS);
    String dl = p.oneOf("audiodlformat", AUDIO_FORMATS).orElse(audio.orElse("mp32"));
    return new TrackFormat(size, audio.orElse("mp31"), dl);
  }

  /** How track sub-entities are rendered: cover size and the stream and download formats. */
  public record TrackFormat(String imageSize, String audio, String download) {}

  /** Tracks by id with their albums and primary artists, read through the entity cache. */
  public Tracks tracks(Collection<Long> ids) {
    List<Track> tracks = catalog.tracks(ids.stream().distinct().toList());
    Map<Long, Album> albums =
        byId(
            catalog.albums(
                tracks.stream().map(Track::albumId).filter(Objects::nonNull).distinct().toList()),
            Album::id);
    Map<Long, Artist> artists =
        byId(
            catalog.artists(tracks.stream().map(Track::primaryArtistId).distinct().toList()),
            Artist::id);
    return new Tracks(byId(tracks, Track::id), albums, artists);
  }

  /** Loaded tracks with their albums and artists. */
  public record Tracks(
      Map<Long, Track> tracks, Map<Long, Album> albums, Map<Long, Artist> artists) {
    public Album albumOf(Track t) {
      return t.albumId() == null ? null : albums.get(t.albumId());
    }

    public Artist artistOf(Track t) {
      return artists.get(t.primaryArtistId());
    }
  }

  /**
   * Every field a track sub-entity of a library method may carry, with Jamendo's sub-entity types
   * (ids, duration and position as strings); each method picks its own with {@link #pick}.
   */
  public Map<String, Object> trackFields(Track t, Tracks loaded, TrackFormat f) {
    Album album = loaded.albumOf(t);
    Artist artist = loaded.artistOf(t);
    boolean download = t.flags().downloadAllowed();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(t.id()));
    m.put("name", t.name());
    m.put("album_id", album == null ? "" : String.valueOf(album.id()));
    m.put("album_name", album == null ? "" : album.name());
    m.put("artist_id", String.valueOf(t.primaryArtistId()));
    m.put("artist_name", artist == null ? "" : artist.name());
    m.put("duration", String.valueOf(Math.round(t.durationMs() / 1000.0)));
    m.put("releasedate", t.releaseDate() == null ? "" : t.releaseDate().date().toString());
    m.put("license_ccurl", text(t.licenseUrl()));
    String albumImage =
        album == null ? "" : links.image("album", album.id(), album.image(), f.imageSize());
    m.put("album_image", albumImage);
    m.put("image", album == null ? links.image("track", t.id(), null, f.imageSize()) : albumImage);
    m.put("audio", links.stream(t.id(), f.audio()));
    m.put("audiodownload", download ? links.download(t.id(), f.download()) : "");
    m.put("audiodownload_allowed", download);
    return m;
  }

  /** The named entries of {@code all}, in the given order. */
  public static Map<String, Object> pick(Map<String, Object> all, String... keys) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : keys) {
      m.put(k, all.get(k));
    }
    return m;
  }

  public static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
    return items.stream()
        .collect(Collectors.toMap(id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
  }
}
