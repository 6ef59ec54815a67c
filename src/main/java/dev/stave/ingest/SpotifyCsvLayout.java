package dev.stave.ingest;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.ReleaseDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The Spotify-style CSV layouts Stave knows, told apart by their header, and how a row of each
 * becomes a {@link SpotifyRow}. Parsing errors are {@link IllegalArgumentException}s whose message
 * names the column, so that the skipped row can be fixed.
 */
enum SpotifyCsvLayout {
  /** TidyTuesday / spotifyr {@code spotify_songs.csv}: key as pitch class, mode 0/1. */
  SPOTIFY_SONGS(Set.of("track_id", "track_name", "track_artist", "track_album_id")) {
    @Override
    SpotifyRow parse(CSVRecord r, SourceRef where) {
      return new SpotifyRow(
          spotifyId(text(r, "track_id"), "track_id"),
          null,
          required(r, "track_name"),
          required(r, "track_artist"),
          optionalSpotifyId(text(r, "track_album_id"), "track_album_id"),
          text(r, "track_album_name"),
          date(r, "track_album_release_date"),
          null,
          null,
          longValue(r, "duration_ms"),
          null,
          number(r, "track_popularity"),
          features(r, integer(r, "key"), integer(r, "mode")),
          where);
    }
  },
  /** ReccoBeats audio features joined to Spotify track lists: pitch names, Major/Minor, "NA". */
  RECCOBEATS_FEATURES(Set.of("id", "name", "artist", "album", "recco_id")) {
    @Override
    SpotifyRow parse(CSVRecord r, SourceRef where) {
      String recco = text(r, "recco_id");
      UUID uuid;
      try {
        uuid = recco == null ? null : UUID.fromString(recco);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("recco_id is not a UUID: '" + recco + "'", e);
      }
      return new SpotifyRow(
          spotifyId(text(r, "id"), "id"),
          uuid,
          required(r, "name"),
          required(r, "artist"),
          null,
          text(r, "album"),
          date(r, "release_date"),
          integer(r, "disc_number"),
          integer(r, "track_number"),
          longValue(r, "duration_ms"),
          bool(r, "explicit"),
          number(r, "popularity"),
          features(r, pitch(text(r, "key")), mode(text(r, "mode"))),
          where);
    }
  };

  private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
  private static final Map<String, Integer> PITCHES =
      Map.ofEntries(
          Map.entry("C", 0),
          Map.entry("C#", 1),
          Map.entry("DB", 1),
          Map.entry("D", 2),
          Map.entry("D#", 3),
          Map.entry("EB", 3),
          Map.entry("E", 4),
          Map.entry("F", 5),
          Map.entry("F#", 6),
          Map.entry("GB", 6),
          Map.entry("G", 7),
          Map.entry("G#", 8),
          Map.entry("AB", 8),
          Map.entry("A", 9),
          Map.entry("A#", 10),
          Map.entry("BB", 10),
          Map.entry("B", 11));

  @SuppressWarnings("ImmutableEnumChecker") // always a Set.of(...), which is immutable
  private final Set<String> signature;

  SpotifyCsvLayout(Set<String> signature) {
    this.signature = signature;
  }

  abstract SpotifyRow parse(CSVRecord r, SourceRef where);

  /** The layout whose signature columns the header has, or null. */
  static SpotifyCsvLayout of(java.util.Collection<String> header) {
    for (SpotifyCsvLayout l : values()) {
      if (header.containsAll(l.signature)) {
        return l;
      }
    }
    return null;
  }

  /** The cell, trimmed; null when absent, empty or R's {@code NA}. */
  static String text(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String v = r.get(column).strip();
    return v.isEmpty() || v.equals("NA") ? null : v;
  }

  private static String required(CSVRecord r, String column) {
    String v = text(r, column);
    if (v == null) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return v;
  }

  private static String spotifyId(String v, String column) {
    if (v == null) {
      throw new IllegalArgumentException(column + " (Spotify track id) is empty");
    }
    return optionalSpotifyId(v, column);
  }

  private static String optionalSpotifyId(String v, String column) {
    if (v != null && !SPOTIFY_ID.matcher(v).matches()) {
      throw new IllegalArgumentException(
          column + " is not a Spotify id (22 base-62 characters): '" + v + "'");
    }
    return v;
  }

  private static Double number(CSVRecord r, String column) {
    String v = text(r, column);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException(v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " is not a number: '" + v + "'", e);
    }
  }

  private static Integer integer(CSVRecord r, String column) {
    Double d = number(r, column);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException(
          column + " is not a whole number: '" + text(r, column) + "'");
    }
    return d.intValue();
  }

  private static Long longValue(CSVRecord r, String column) {
    Double d = number(r, column);
    if (d != null && d < 0) {
      throw new IllegalArgumentException(column + " is negative: " + text(r, column));
    }
    return d == null ? null : Math.round(d);
  }

  private static Boolean bool(CSVRecord r, String column) {
    String v = text(r, column);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new IllegalArgumentException(column + " is not TRUE or FALSE: '" + v + "'");
    };
  }

  private static ReleaseDate date(CSVRecord r, String column) {
    try {
      return ReleaseDate.parse(text(r, column));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + ": " + e.getMessage(), e);
    }
  }

  /** Pitch names as ReccoBeats writes them ({@code D#}), also flats ({@code Eb}) and numbers. */
  static Integer pitch(String v) {
    if (v == null) {
      return null;
    }
    Integer p = PITCHES.get(v.toUpperCase(Locale.ROOT).replace('♯', '#'));
    if (p != null) {
      return p;
    }
    try {
      int k = Integer.parseInt(v);
      if (k >= -1 && k <= 11) {
        return k;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("key is not a pitch name (C, C#, … B): '" + v + "'");
  }

  static Integer mode(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "major", "1" -> 1;
      case "minor", "0" -> 0;
      default -> throw new IllegalArgumentException("mode is not Major or Minor: '" + v + "'");
    };
  }

  private static AudioFeatures features(CSVRecord r, Integer key, Integer mode) {
    if (key != null && (key < -1 || key > 11)) {
      throw new IllegalArgumentException("key out of range -1..11: " + key);
    }
    if (mode != null && mode != 0 && mode != 1) {
      throw new IllegalArgumentException("mode out of range 0..1: " + mode);
    }
    return new AudioFeatures(
        ratio(r, "acousticness"),
        ratio(r, "danceability"),
        ratio(r, "energy"),
        ratio(r, "instrumentalness"),
        key,
        ratio(r, "liveness"),
        number(r, "loudness"),
        mode,
        ratio(r, "speechiness"),
        number(r, "tempo"),
        ratio(r, "valence"));
  }

  private static Double ratio(CSVRecord r, String column) {
    Double d = number(r, column);
    if (d != null && (d < 0 || d > 1)) {
      throw new IllegalArgumentException(column + " out of range 0..1: " + text(r, column));
    }
    return d;
  }
}
