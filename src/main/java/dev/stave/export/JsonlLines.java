package dev.stave.export;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Feed;
import dev.stave.catalog.Location;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Radio;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.catalog.TrackStats;
import dev.stave.library.Playlist;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entities as the objects of Stave's JSON Lines import format (docs/import-format.md): the inverse
 * of the importer's {@code JsonlEntities}, so that an exported file imports back to the same
 * entities. A field that is null, empty or at the format's default is left out, as a person would
 * write the file; the importer reads an absent field as that default.
 */
final class JsonlLines {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private JsonlLines() {}

  /** A line's object: members in insertion order, null and empty values dropped. */
  private static final class Line {
    private final Map<String, Object> m = new LinkedHashMap<>();

    Line(String type) {
      m.put("type", type);
    }

    Line put(String key, Object value) {
      boolean empty =
          value == null
              || (value instanceof String s && s.isBlank())
              || (value instanceof List<?> l && l.isEmpty())
              || (value instanceof Map<?, ?> mm && mm.isEmpty());
      if (!empty) {
        m.put(key, value);
      }
      return this;
    }

    Map<String, Object> map() {
      return m;
    }
  }

  static Map<String, Object> artist(Artist a) {
    List<Map<String, Object>> locations = new ArrayList<>();
    for (Location l : a.locations()) {
      Map<String, Object> o = new LinkedHashMap<>();
      putIfPresent(o, "country", l.country());
      putIfPresent(o, "state", l.state());
      putIfPresent(o, "city", l.city());
      putIfPresent(o, "latitude", l.latitude());
      putIfPresent(o, "longitude", l.longitude());
      locations.add(o);
    }
    return new Line("artist")
        .put("id", a.id())
        .put("uuid", text(a.uuid()))
        .put("name", a.name())
        .put("idstr", a.idstr())
        .put("website", a.website())
        .put("join_date", text(a.joinDate()))
        .put("image", a.image())
        .put("spotify_id", a.externalIds().spotifyId())
        .put("musicbrainz_id", a.externalIds().musicbrainzId())
        .put("popularity", nonZero(a.popularity()))
        .put("locations", locations)
        .put("descriptions", a.descriptions())
        .map();
  }

  static Map<String, Object> album(Album a) {
    ExternalIds ids = a.externalIds();
    return new Line("album")
        .put("id", a.id())
        .put("uuid", text(a.uuid()))
        .put("name", a.name())
        .put("artist_ids", a.artistIds())
        .put("release_date", text(a.releaseDate()))
        .put("label", a.label())
        .put("album_type", a.albumType())
        .put("upc", a.upc())
        .put("ean", a.ean())
        .put("image", a.image())
        .put("zip_allowed", a.zipAllowed() ? null : false)
        .put("spotify_id", ids.spotifyId())
        .put("musicbrainz_id", ids.musicbrainzId())
        .put("popularity", nonZero(a.popularity()))
        .put("descriptions", a.descriptions())
        .put("tags", a.tags())
        .map();
  }

  /**
   * A track; {@code audio} is its file relative to an audio root, or null ({@link ExportedAudio}).
   */
  static Map<String, Object> track(Track t, String audio) {
    return new Line("track")
        .put("id", t.id())
        .put("uuid", text(t.uuid()))
        .put("name", t.name())
        .put("artist_ids", t.artistIds())
        .put("album_id", t.albumId())
        .put("position", t.position())
        .put("disc", t.disc())
        .put("duration_ms", t.durationMs() == 0 ? null : t.durationMs())
        .put("release_date", text(t.releaseDate()))
        .put("license_url", t.licenseUrl())
        .put("musicinfo", musicInfo(t.musicInfo()))
        .put("lyrics", t.lyrics())
        .put("isrc", t.externalIds().isrc())
        .put("spotify_id", t.externalIds().spotifyId())
        .put("musicbrainz_id", t.externalIds().musicbrainzId())
        .put("audio", audio)
        .put("popularity", nonZero(t.popularity()))
        .put("available_countries", t.availableCountries())
        .put("flags", flags(t.flags()))
        .put("stats", stats(t.stats()))
        .put("features", features(t.features()))
        .put("tags", tags(t.tags()))
        .map();
  }

  static Map<String, Object> user(User u) {
    return new Line("user")
        .put("id", u.id())
        .put("uuid", text(u.uuid()))
        .put("name", u.name())
        .put("dispname", u.dispname())
        .put("email", u.email())
        .put("lang", u.lang())
        .put("creation_date", text(u.creationDate()))
        .put("image", u.image())
        .map();
  }

  static Map<String, Object> playlist(Playlist p) {
    Line line =
        new Line("playlist")
            .put("id", p.id())
            .put("uuid", text(p.uuid()))
            .put("name", p.name())
            .put("user_id", p.userId())
            .put("creation_date", text(p.creationDate()))
            .put("zip_allowed", p.zipAllowed() ? null : false);
    if (p.addedDates().stream().allMatch(Objects::isNull)) {
      line.put("track_ids", p.trackIds());
    } else {
      List<Map<String, Object>> tracks = new ArrayList<>();
      for (int i = 0; i < p.trackIds().size(); i++) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("track_id", p.trackIds().get(i));
        putIfPresent(e, "added_date", text(p.addedDates().get(i)));
        tracks.add(e);
      }
      line.put("tracks", tracks);
    }
    return line.map();
  }

  static Map<String, Object> review(Review r) {
    return new Line("review")
        .put("id", r.id())
        .put("entity_type", r.entityType())
        .put("entity_id", r.entityId())
        .put("user_id", r.userId())
        .put("title", r.title())
        .put("text", r.text())
        .put("score", r.score())
        .put("lang", r.lang())
        .put("date_added", text(r.dateAdded()))
        .put("agree_count", r.agreeCount() == 0 ? null : r.agreeCount())
        .map();
  }

  static Map<String, Object> relation(UserRelation r) {
    String target =
        switch (r.relation().target()) {
          case ARTIST -> "artist_id";
          case ALBUM -> "album_id";
          case TRACK -> "track_id";
        };
    return new Line("relation")
        .put("user_id", r.userId())
        .put("relation", r.relation().key())
        .put(target, r.targetId())
        .put("updated_at", TIME.format(r.updatedAt()))
        .map();
  }

  static Map<String, Object> radio(Radio r) {
    return new Line("radio")
        .put("id", r.id())
        .put("name", r.name())
        .put("dispname", r.dispname())
        .put("radio_type", r.type())
        .put("image", r.image())
        .put("tags", r.tags())
        .map();
  }

  static Map<String, Object> feed(Feed f) {
    return new Line("feed")
        .put("id", f.id())
        .put("feed_type", f.type())
        .put("title", f.title())
        .put("text", f.text())
        .put("subtitle", f.subtitle())
        .put("link", f.link())
        .put("position", f.position() == 0 ? null : f.position())
        .put("langs", f.langs())
        .put("date_start", time(f.dateStart()))
        .put("date_end", time(f.dateEnd()))
        .put("target", f.target())
        .put("join_id", f.joinId())
        .put("image", f.image())
        .map();
  }

  private static Map<String, Object> musicInfo(MusicInfo mi) {
    Map<String, Object> o = new LinkedHashMap<>();
    putIfPresent(o, "vocal_instrumental", mi.vocalInstrumental());
    putIfPresent(o, "lang", mi.lang());
    putIfPresent(o, "gender", mi.gender());
    putIfPresent(o, "acoustic_electric", mi.acousticElectric());
    putIfPresent(o, "speed", mi.speed());
    return o;
  }

  private static Map<String, Object> flags(TrackFlags f) {
    Map<String, Object> o = new LinkedHashMap<>();
    TrackFlags d = TrackFlags.DEFAULT;
    if (f.downloadAllowed() != d.downloadAllowed()) {
      o.put("download_allowed", f.downloadAllowed());
    }
    if (f.contentIdFree() != d.contentIdFree()) {
      o.put("content_id_free", f.contentIdFree());
    }
    if (f.featured() != d.featured()) {
      o.put("featured", f.featured());
    }
    if (f.explicit() != d.explicit()) {
      o.put("explicit", f.explicit());
    }
    return o;
  }

  private static Map<String, Object> stats(TrackStats s) {
    Map<String, Object> o = new LinkedHashMap<>();
    putCount(o, "listens_week", s.listensWeek());
    putCount(o, "listens_month", s.listensMonth());
    putCount(o, "listens_total", s.listensTotal());
    putCount(o, "downloads_week", s.downloadsWeek());
    putCount(o, "downloads_month", s.downloadsMonth());
    putCount(o, "downloads_total", s.downloadsTotal());
    putCount(o, "playlisted", s.playlisted());
    putCount(o, "favorited", s.favorited());
    putCount(o, "likes", s.likes());
    putCount(o, "dislikes", s.dislikes());
    putIfPresent(o, "avg_note", s.avgNote());
    putCount(o, "note_count", s.noteCount());
    return o;
  }

  private static Map<String, Object> features(AudioFeatures f) {
    Map<String, Object> o = new LinkedHashMap<>();
    putIfPresent(o, "acousticness", f.acousticness());
    putIfPresent(o, "danceability", f.danceability());
    putIfPresent(o, "energy", f.energy());
    putIfPresent(o, "instrumentalness", f.instrumentalness());
    putIfPresent(o, "key", f.key());
    putIfPresent(o, "liveness", f.liveness());
    putIfPresent(o, "loudness", f.loudness());
    putIfPresent(o, "mode", f.mode());
    putIfPresent(o, "speechiness", f.speechiness());
    putIfPresent(o, "tempo", f.tempo());
    putIfPresent(o, "valence", f.valence());
    return o;
  }

  private static Map<String, Object> tags(List<Tag> tags) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (String category : List.of(Tag.GENRE, Tag.INSTRUMENT, Tag.MOOD)) {
      List<String> names =
          tags.stream().filter(t -> t.category().equals(category)).map(Tag::name).toList();
      if (!names.isEmpty()) {
        o.put(category, names);
      }
    }
    return o;
  }

  private static void putIfPresent(Map<String, Object> o, String key, Object value) {
    if (value != null && !(value instanceof String s && s.isBlank())) {
      o.put(key, value);
    }
  }

  private static void putCount(Map<String, Object> o, String key, long value) {
    if (value != 0) {
      o.put(key, value);
    }
  }

  private static Double nonZero(double d) {
    return d == 0 ? null : d;
  }

  private static String text(Object o) {
    if (o instanceof ReleaseDate r) {
      return r.asText();
    }
    return o == null ? null : o.toString();
  }

  private static String time(LocalDateTime t) {
    return t == null ? null : TIME.format(t);
  }
}
