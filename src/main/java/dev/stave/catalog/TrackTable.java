package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class TrackTable implements EntityTable<Track> {
  static final String ARTISTS = "track_artists";
  static final String TAGS = "track_tags";
  private static final Comparator<Tag> TAG_ORDER =
      Comparator.comparing(Tag::category).thenComparing(Tag::name);

  @Override
  public String kind() {
    return "track";
  }

  @Override
  public String table() {
    return "tracks";
  }

  @Override
  public List<String> columns() {
    return List.of(
        "name",
        "album_id",
        "position",
        "disc",
        "duration_ms",
        "release_date",
        "release_date_precision",
        "license_url",
        "vocal_instrumental",
        "lang",
        "gender",
        "acoustic_electric",
        "speed",
        "lyrics",
        "isrc",
        "spotify_id",
        "musicbrainz_id",
        "popularity",
        "available_countries",
        "download_allowed",
        "content_id_free",
        "featured",
        "explicit",
        "listens_week",
        "listens_month",
        "listens_total",
        "downloads_week",
        "downloads_month",
        "downloads_total",
        "playlisted",
        "favorited",
        "likes",
        "dislikes",
        "avg_note",
        "note_count",
        "acousticness",
        "danceability",
        "energy",
        "instrumentalness",
        "musical_key",
        "liveness",
        "loudness",
        "mode",
        "speechiness",
        "tempo",
        "valence");
  }

  @Override
  public long id(Track t) {
    return t.id();
  }

  @Override
  public UUID uuid(Track t) {
    return t.uuid();
  }

  @Override
  public Object[] values(Track t) {
    ReleaseDate d = t.releaseDate();
    MusicInfo m = t.musicInfo();
    TrackStats s = t.stats();
    AudioFeatures f = t.features();
    return new Object[] {
      t.name(),
      t.albumId(),
      t.position(),
      t.disc(),
      t.durationMs(),
      d == null ? null : d.date().toString(),
      d == null ? null : d.precision().wireName(),
      t.licenseUrl(),
      m.vocalInstrumental(),
      m.lang(),
      m.gender(),
      m.acousticElectric(),
      m.speed(),
      t.lyrics(),
      t.externalIds().isrc(),
      t.externalIds().spotifyId(),
      t.externalIds().musicbrainzId(),
      t.popularity(),
      t.availableCountries(),
      t.flags().downloadAllowed(),
      t.flags().contentIdFree(),
      t.flags().featured(),
      t.flags().explicit(),
      s.listensWeek(),
      s.listensMonth(),
      s.listensTotal(),
      s.downloadsWeek(),
      s.downloadsMonth(),
      s.downloadsTotal(),
      s.playlisted(),
      s.favorited(),
      s.likes(),
      s.dislikes(),
      s.avgNote(),
      s.noteCount(),
      f.acousticness(),
      f.danceability(),
      f.energy(),
      f.instrumentalness(),
      f.key(),
      f.liveness(),
      f.loudness(),
      f.mode(),
      f.speechiness(),
      f.tempo(),
      f.valence()
    };
  }

  @Override
  public Map<String, List<Object[]>> relations(Track t) {
    List<Object[]> artists = new ArrayList<>();
    for (int i = 0; i < t.artistIds().size(); i++) {
      artists.add(new Object[] {i, t.artistIds().get(i)});
    }
    // Tags are a set (no position column): sorted here so that neither the content hash nor what
    // is read back depends on input order or on the database's collation.
    List<Object[]> tags =
        t.tags().stream()
            .distinct()
            .sorted(TAG_ORDER)
            .map(g -> new Object[] {g.category(), g.name()})
            .toList();
    return Map.of(ARTISTS, artists, TAGS, tags);
  }

  @Override
  public List<String> relationTables() {
    return List.of(ARTISTS, TAGS);
  }

  @Override
  public List<String> relationColumns(String relationTable) {
    return switch (relationTable) {
      case ARTISTS -> List.of("track_id", "position", "artist_id");
      case TAGS -> List.of("track_id", "category", "tag");
      default -> throw new IllegalArgumentException(relationTable);
    };
  }

  @Override
  public Track read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
    List<Long> artistIds = new ArrayList<>();
    for (Object[] r : relations.getOrDefault(ARTISTS, List.of())) {
      artistIds.add(Rows.asLong(r[2]));
    }
    List<Tag> tags = new ArrayList<>();
    for (Object[] r : relations.getOrDefault(TAGS, List.of())) {
      tags.add(new Tag((String) r[1], (String) r[2]));
    }
    tags.sort(TAG_ORDER); // Java's order, as in relations(), not the database collation's
    return new Track(
        rs.getLong("id"),
        UUID.fromString(rs.getString("uuid")),
        rs.getString("name"),
        Rows.lng(rs, "album_id"),
        Rows.integer(rs, "position"),
        Rows.integer(rs, "disc"),
        rs.getLong("duration_ms"),
        ReleaseDate.of(rs.getString("release_date"), rs.getString("release_date_precision")),
        rs.getString("license_url"),
        new MusicInfo(
            rs.getString("vocal_instrumental"),
            rs.getString("lang"),
            rs.getString("gender"),
            rs.getString("acoustic_electric"),
            rs.getString("speed")),
        rs.getString("lyrics"),
        new ExternalIds(
            rs.getString("spotify_id"), rs.getString("isrc"), rs.getString("musicbrainz_id")),
        rs.getDouble("popularity"),
        rs.getString("available_countries"),
        new TrackFlags(
            rs.getBoolean("download_allowed"),
            rs.getBoolean("content_id_free"),
            rs.getBoolean("featured"),
            rs.getBoolean("explicit")),
        new TrackStats(
            rs.getLong("listens_week"),
            rs.getLong("listens_month"),
            rs.getLong("listens_total"),
            rs.getLong("downloads_week"),
            rs.getLong("downloads_month"),
            rs.getLong("downloads_total"),
            rs.getLong("playlisted"),
            rs.getLong("favorited"),
            rs.getLong("likes"),
            rs.getLong("dislikes"),
            Rows.dbl(rs, "avg_note"),
            rs.getLong("note_count")),
        new AudioFeatures(
            Rows.dbl(rs, "acousticness"),
            Rows.dbl(rs, "danceability"),
            Rows.dbl(rs, "energy"),
            Rows.dbl(rs, "instrumentalness"),
            Rows.integer(rs, "musical_key"),
            Rows.dbl(rs, "liveness"),
            Rows.dbl(rs, "loudness"),
            Rows.integer(rs, "mode"),
            Rows.dbl(rs, "speechiness"),
            Rows.dbl(rs, "tempo"),
            Rows.dbl(rs, "valence")),
        artistIds,
        tags);
  }
}
