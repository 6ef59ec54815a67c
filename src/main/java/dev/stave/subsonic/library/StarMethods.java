package dev.stave.subsonic.library;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A listener's marks, in the shared library: {@code star}/{@code unstar} are the Jamendo dialect's
 * relations (a starred song is a favorite, a starred album is in "my albums", a starred artist has
 * a fan), so either dialect shows what the other set, and a track's favorite counter and popularity
 * follow; {@code scrobble} counts a listen in the same counters Jamendo's {@code stats} show;
 * {@code setRating} is the player's own 1-5 rating ({@link PlayerState}).
 */
@Component
class StarMethods implements SubsonicMethods {
  private final CatalogStore store;
  private final EntityCache entities;
  private final LibraryStore library;
  private final PlayerState state;

  StarMethods(CatalogStore store, EntityCache entities, LibraryStore library, PlayerState state) {
    this.store = store;
    this.entities = entities;
    this.library = library;
    this.state = state;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("star", r -> mark(r, true));
    m.put("unstar", r -> mark(r, false));
    m.put("setRating", this::rate);
    m.put("scrobble", this::scrobble);
    return m;
  }

  /** Every id is checked before anything is written, so a bad one changes nothing. */
  private Node mark(SubsonicRequest r, boolean star) {
    List<Long> songs = r.ids("id");
    List<Long> albums = r.ids("albumId");
    List<Long> artists = r.ids("artistId");
    if (songs.isEmpty() && albums.isEmpty() && artists.isEmpty()) {
      throw SubsonicException.missing("id, albumId or artistId");
    }
    checkAll(songs, entities.tracks(songs).size(), "song (parameter 'id')");
    checkAll(albums, entities.albums(albums).size(), "album (parameter 'albumId')");
    checkAll(artists, entities.artists(artists).size(), "artist (parameter 'artistId')");
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    apply(r.userId(), Relation.FAVORITE, songs, star, now);
    apply(r.userId(), Relation.MYALBUM, albums, star, now);
    apply(r.userId(), Relation.FAN, artists, star, now);
    return null;
  }

  private static void checkAll(List<Long> ids, int found, String what) {
    if (found < ids.stream().distinct().count()) {
      throw SubsonicException.notFound(what, ids);
    }
  }

  private void apply(
      long userId, Relation relation, List<Long> ids, boolean star, LocalDateTime now) {
    for (long id : ids) {
      if (star) {
        library.set(userId, relation, id, now);
      } else {
        library.unset(userId, relation, id);
      }
    }
  }

  /** The id's prefix says its kind: {@code al-} an album, {@code ar-} an artist, none a song. */
  private Node rate(SubsonicRequest r) {
    String raw = r.required("id");
    long id = r.requiredId("id");
    r.required("rating");
    int rating = r.integer("rating", 0, 0, 5);
    PlayerState.Kind kind =
        raw.startsWith("al-")
            ? PlayerState.Kind.ALBUM
            : raw.startsWith("ar-") ? PlayerState.Kind.ARTIST : PlayerState.Kind.SONG;
    boolean exists =
        switch (kind) {
          case ALBUM -> !entities.albums(List.of(id)).isEmpty();
          case ARTIST -> !entities.artists(List.of(id)).isEmpty();
          case SONG -> !entities.tracks(List.of(id)).isEmpty();
        };
    if (!exists) {
      throw SubsonicException.notFound(
          kind.name().toLowerCase(java.util.Locale.ROOT) + " (parameter 'id')", raw);
    }
    state.rate(r.userId(), kind, id, rating);
    return null;
  }

  /**
   * A played song ({@code submission=true}, the default) counts one listen and marks its album as
   * recently played; a "now playing" notice ({@code submission=false}) changes nothing. {@code
   * time} (ms since the epoch, one per id) dates the play.
   */
  private Node scrobble(SubsonicRequest r) {
    List<Long> ids = r.ids("id");
    if (ids.isEmpty()) {
      throw SubsonicException.missing("id");
    }
    List<Instant> times = r.strings("time").stream().map(StarMethods::time).toList();
    boolean submission = r.bool("submission", true);
    List<Track> tracks = entities.tracks(ids);
    checkAll(ids, tracks.size(), "song (parameter 'id')");
    if (!submission) {
      return null;
    }
    Map<Long, Track> byId = new LinkedHashMap<>();
    tracks.forEach(t -> byId.put(t.id(), t));
    for (int i = 0; i < ids.size(); i++) {
      Instant at = i < times.size() ? times.get(i) : Instant.now();
      Track t = byId.get(ids.get(i));
      store.countListen(t.id());
      if (t.albumId() != null) {
        state.played(r.userId(), t.albumId(), at);
      }
    }
    return null;
  }

  private static Instant time(String ms) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(ms.strip()));
    } catch (NumberFormatException e) {
      throw SubsonicException.invalid("time", "must be milliseconds since 1970", ms);
    }
  }
}
