package dev.stave.ingest;

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
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Maps the objects of Stave's JSON Lines import format to catalog entities. The field reference is
 * docs/import-format.md; keep the two in step.
 */
final class JsonlEntities {
  private JsonlEntities() {}

  static Artist artist(JsonFields o) {
    long id = o.requiredId("id");
    List<Location> locations = new ArrayList<>();
    for (JsonFields l : o.objects("locations")) {
      String country = l.text("country");
      if (country != null && !country.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException(
            "locations: country must be an ISO 3166-1 alpha-3 code in capitals, got '"
                + country
                + "'");
      }
      locations.add(
          new Location(
              country,
              l.text("state"),
              l.text("city"),
              l.number("latitude", -90, 90),
              l.number("longitude", -180, 180)));
      l.rejectUnknown();
    }
    Artist a =
        Artist.builder()
            .id(id)
            .uuid(uuid(o))
            .name(o.requiredText("name"))
            .idstr(o.text("idstr"))
            .website(o.text("website"))
            .joinDate(date(o, "join_date"))
            .image(o.text("image"))
            .externalIds(new ExternalIds(o.text("spotify_id"), null, o.text("musicbrainz_id")))
            .popularity(popularity(o))
            .locations(locations)
            .descriptions(o.textMap("descriptions"))
            .build();
    o.rejectUnknown();
    return a;
  }

  static Album album(JsonFields o) {
    long id = o.requiredId("id");
    List<Long> artists = o.ids("artist_ids");
    if (artists.isEmpty()) {
      throw new IllegalArgumentException("artist_ids is required (at least one artist id)");
    }
    Album a =
        Album.builder()
            .id(id)
            .uuid(uuid(o))
            .name(o.requiredText("name"))
            .artistIds(artists)
            .releaseDate(releaseDate(o))
            .label(o.text("label"))
            .albumType(o.oneOf("album_type", Set.of("album", "single", "compilation", "ep")))
            .upc(o.text("upc"))
            .ean(o.text("ean"))
            .image(o.text("image"))
            .zipAllowed(o.bool("zip_allowed", true))
            .externalIds(new ExternalIds(o.text("spotify_id"), null, o.text("musicbrainz_id")))
            .popularity(popularity(o))
            .descriptions(o.textMap("descriptions"))
            .tags(o.texts("tags"))
            .build();
    o.rejectUnknown();
    return a;
  }

  static Track track(JsonFields o) {
    long id = o.requiredId("id");
    List<Long> artists = o.ids("artist_ids");
    if (artists.isEmpty()) {
      throw new IllegalArgumentException("artist_ids is required (at least one artist id)");
    }
    Long album = o.integer("album_id");
    if (album != null && album <= 0) {
      throw new IllegalArgumentException("album_id must be positive");
    }
    Long duration = o.integer("duration_ms");
    if (duration != null && duration < 0) {
      throw new IllegalArgumentException("duration_ms must not be negative");
    }
    Track t =
        Track.builder()
            .id(id)
            .uuid(uuid(o))
            .name(o.requiredText("name"))
            .albumId(album)
            .position(o.smallInt("position"))
            .disc(o.smallInt("disc"))
            .durationMs(duration == null ? 0 : duration)
            .releaseDate(releaseDate(o))
            .licenseUrl(o.text("license_url"))
            .musicInfo(musicInfo(o.object("musicinfo")))
            .lyrics(o.text("lyrics"))
            .externalIds(
                new ExternalIds(o.text("spotify_id"), o.text("isrc"), o.text("musicbrainz_id")))
            .popularity(popularity(o))
            .availableCountries(o.text("available_countries"))
            .flags(flags(o.object("flags")))
            .stats(stats(o.object("stats")))
            .features(features(o.object("features")))
            .artistIds(artists)
            .tags(tags(o.object("tags")))
            .build();
    o.rejectUnknown();
    return t;
  }

  static User user(JsonFields o) {
    User u =
        User.builder()
            .id(o.requiredId("id"))
            .uuid(uuid(o))
            .name(o.requiredText("name"))
            .dispname(o.text("dispname"))
            .email(o.text("email"))
            .lang(o.text("lang"))
            .creationDate(date(o, "creation_date"))
            .image(o.text("image"))
            .build();
    o.rejectUnknown();
    return u;
  }

  static Playlist playlist(JsonFields o) {
    List<Long> trackIds = o.ids("track_ids");
    List<LocalDate> added = null;
    List<JsonFields> entries = o.objects("tracks");
    if (!entries.isEmpty()) {
      if (!trackIds.isEmpty()) {
        throw new IllegalArgumentException("give track_ids or tracks, not both");
      }
      trackIds = new ArrayList<>();
      added = new ArrayList<>();
      for (JsonFields e : entries) {
        trackIds.add(e.requiredId("track_id"));
        added.add(date(e, "added_date"));
        e.rejectUnknown();
      }
    }
    Playlist p =
        new Playlist(
            o.requiredId("id"),
            uuid(o),
            o.requiredText("name"),
            o.integer("user_id"),
            date(o, "creation_date"),
            o.bool("zip_allowed", true),
            trackIds,
            added);
    o.rejectUnknown();
    return p;
  }

  /**
   * A user's relation: {@code fan} of an {@code artist_id}, {@code myalbum} with an {@code
   * album_id}, {@code favorite}/{@code like}/{@code dislike} of a {@code track_id}, established at
   * {@code updated_at}.
   */
  static UserRelation relation(JsonFields o) {
    long user = o.requiredId("user_id");
    Relation relation = Relation.of(o.requiredText("relation"));
    String targetField =
        switch (relation.target()) {
          case ARTIST -> "artist_id";
          case ALBUM -> "album_id";
          case TRACK -> "track_id";
        };
    for (String f : List.of("artist_id", "album_id", "track_id")) {
      if (!f.equals(targetField) && o.integer(f) != null) {
        throw new IllegalArgumentException(
            "relation " + relation.key() + " takes " + targetField + ", not " + f);
      }
    }
    LocalDateTime at = dateTime(o, "updated_at");
    if (at == null) {
      throw new IllegalArgumentException("updated_at is required (yyyy-mm-dd hh:mm:ss, UTC)");
    }
    UserRelation r = new UserRelation(user, relation, o.requiredId(targetField), at);
    o.rejectUnknown();
    return r;
  }

  static Review review(JsonFields o) {
    Review r =
        new Review(
            o.requiredId("id"),
            o.oneOf("entity_type", Set.of("album", "track")),
            o.requiredId("entity_id"),
            o.integer("user_id"),
            o.text("title"),
            o.text("text"),
            o.number("score", 0, 5),
            o.text("lang"),
            date(o, "date_added"),
            o.count("agree_count"));
    o.rejectUnknown();
    return r;
  }

  static Radio radio(JsonFields o) {
    // "type" names the line's kind, so the radio's own type is "radio_type" (as feeds' is)
    String type = o.text("radio_type");
    if (type != null && !Set.of("www", "pro").contains(type)) {
      throw new IllegalArgumentException("radio_type must be www or pro, got '" + type + "'");
    }
    Radio r =
        new Radio(
            o.requiredId("id"),
            o.requiredText("name"),
            o.text("dispname"),
            type,
            o.text("image"),
            o.texts("tags"));
    o.rejectUnknown();
    return r;
  }

  static Feed feed(JsonFields o) {
    Integer position = o.smallInt("position");
    Feed f =
        new Feed(
            o.requiredId("id"),
            o.requiredText("feed_type"),
            o.textMap("title"),
            o.textMap("text"),
            o.textMap("subtitle"),
            o.text("link"),
            position == null ? 0 : position,
            o.texts("langs"),
            dateTime(o, "date_start"),
            dateTime(o, "date_end"),
            o.text("target"),
            o.integer("join_id"),
            o.text("image"));
    o.rejectUnknown();
    return f;
  }

  /** {@code yyyy-mm-dd hh:mm:ss} (Jamendo's feed dates) or ISO {@code yyyy-mm-ddThh:mm:ss}. */
  private static LocalDateTime dateTime(JsonFields o, String field) {
    String v = o.text(field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(v.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be yyyy-mm-dd hh:mm:ss, got '" + v + "'", e);
    }
  }

  private static UUID uuid(JsonFields o) {
    String s = o.text("uuid");
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("uuid is not a UUID: '" + s + "'", e);
    }
  }

  private static double popularity(JsonFields o) {
    Double p = o.number("popularity");
    return p == null ? 0 : p;
  }

  private static LocalDate date(JsonFields o, String field) {
    String s = o.text(field);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be yyyy-mm-dd, got '" + s + "'", e);
    }
  }

  private static ReleaseDate releaseDate(JsonFields o) {
    String s = o.text("release_date");
    try {
      return ReleaseDate.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "release_date must be yyyy, yyyy-mm or yyyy-mm-dd, got '" + s + "'", e);
    }
  }

  private static MusicInfo musicInfo(JsonFields m) {
    if (m == null) {
      return null;
    }
    MusicInfo info =
        new MusicInfo(
            m.oneOf("vocal_instrumental", Set.of("vocal", "instrumental")),
            m.text("lang"),
            m.oneOf("gender", Set.of("male", "female")),
            m.oneOf("acoustic_electric", Set.of("acoustic", "electric")),
            m.oneOf("speed", Set.of("verylow", "low", "medium", "high", "veryhigh")));
    m.rejectUnknown();
    return info;
  }

  private static TrackFlags flags(JsonFields f) {
    if (f == null) {
      return null;
    }
    TrackFlags flags =
        new TrackFlags(
            f.bool("download_allowed", TrackFlags.DEFAULT.downloadAllowed()),
            f.bool("content_id_free", TrackFlags.DEFAULT.contentIdFree()),
            f.bool("featured", TrackFlags.DEFAULT.featured()),
            f.bool("explicit", TrackFlags.DEFAULT.explicit()));
    f.rejectUnknown();
    return flags;
  }

  private static TrackStats stats(JsonFields s) {
    if (s == null) {
      return null;
    }
    TrackStats stats =
        new TrackStats(
            s.count("listens_week"),
            s.count("listens_month"),
            s.count("listens_total"),
            s.count("downloads_week"),
            s.count("downloads_month"),
            s.count("downloads_total"),
            s.count("playlisted"),
            s.count("favorited"),
            s.count("likes"),
            s.count("dislikes"),
            s.number("avg_note"),
            s.count("note_count"));
    s.rejectUnknown();
    return stats;
  }

  private static AudioFeatures features(JsonFields f) {
    if (f == null) {
      return null;
    }
    Integer key = f.smallInt("key");
    if (key != null && (key < -1 || key > 11)) {
      throw new IllegalArgumentException("features.key must be within -1 and 11");
    }
    Integer mode = f.smallInt("mode");
    if (mode != null && mode != 0 && mode != 1) {
      throw new IllegalArgumentException("features.mode must be 0 (minor) or 1 (major)");
    }
    AudioFeatures features =
        new AudioFeatures(
            f.number("acousticness", 0, 1),
            f.number("danceability", 0, 1),
            f.number("energy", 0, 1),
            f.number("instrumentalness", 0, 1),
            key,
            f.number("liveness", 0, 1),
            f.number("loudness"),
            mode,
            f.number("speechiness", 0, 1),
            f.number("tempo", 0, 1000),
            f.number("valence", 0, 1));
    f.rejectUnknown();
    return features;
  }

  private static List<Tag> tags(JsonFields t) {
    if (t == null) {
      return null;
    }
    List<Tag> tags = new ArrayList<>();
    for (String category : List.of(Tag.GENRE, Tag.INSTRUMENT, Tag.MOOD)) {
      t.texts(category).forEach(name -> tags.add(new Tag(category, name)));
    }
    t.rejectUnknown();
    return tags;
  }
}
