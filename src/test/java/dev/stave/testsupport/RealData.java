package dev.stave.testsupport;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the real data sets of {@code ../shared/data} (located through the {@code stave.shared-dir}
 * system property that surefire sets) into catalog records, so tests can assert behaviour on real
 * names, tags and audio features. Every loader keeps the file's row order and is deterministic.
 */
public final class RealData {
  public static final String SPOTIFY_8K = "spotify-features/spotify_songs_8k.csv.gz";
  public static final String MTG_MOODTHEME = "jamendo/mtg-jamendo_autotagging_moodtheme.tsv.gz";
  public static final String MTG_GENRE = "jamendo/mtg-jamendo_autotagging_genre.tsv.gz";

  private RealData() {}

  /** The data file, if the shared folder and the file are present. */
  public static Optional<Path> file(String relative) {
    String shared = System.getProperty("stave.shared-dir");
    if (shared == null) {
      return Optional.empty();
    }
    Path p = Path.of(shared, "data").resolve(relative);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * The data file; when it is absent the calling test is skipped (a JUnit assumption) and a line
   * saying which file was missing is printed, so a run without {@code ../shared} says what it did
   * not test.
   */
  public static Path require(String relative) {
    Optional<Path> file = file(relative);
    if (file.isEmpty()) {
      System.out.println("SKIPPED: " + missing(relative));
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(file.isPresent(), missing(relative));
    return file.get();
  }

  /** A message for skipped tests, naming what is missing. */
  public static String missing(String relative) {
    return "real data "
        + relative
        + " not found under stave.shared-dir="
        + System.getProperty("stave.shared-dir")
        + "/data: real-data test skipped";
  }

  /** One row of the Spotify CSV as it is in the file (for computing expectations). */
  public record SpotifyRow(
      String trackId,
      String name,
      String artist,
      int popularity,
      String albumId,
      String albumName,
      int year,
      AudioFeatures features,
      long durationMs) {}

  public static List<SpotifyRow> spotifyRows(Path csvGz) {
    List<SpotifyRow> rows = new ArrayList<>();
    try (Reader in = gzipReader(csvGz)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        AudioFeatures f =
            new AudioFeatures(
                Double.valueOf(r.get("acousticness")),
                Double.valueOf(r.get("danceability")),
                Double.valueOf(r.get("energy")),
                Double.valueOf(r.get("instrumentalness")),
                Integer.valueOf(r.get("key")),
                Double.valueOf(r.get("liveness")),
                Double.valueOf(r.get("loudness")),
                Integer.valueOf(r.get("mode")),
                Double.valueOf(r.get("speechiness")),
                Double.valueOf(r.get("tempo")),
                Double.valueOf(r.get("valence")));
        rows.add(
            new SpotifyRow(
                r.get("track_id"),
                r.get("track_name"),
                r.get("track_artist"),
                Integer.parseInt(r.get("track_popularity")),
                r.get("track_album_id"),
                r.get("track_album_name"),
                Integer.parseInt(r.get("track_album_release_date")),
                f,
                Long.parseLong(r.get("duration_ms"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * The Spotify rows as a catalog: track ids are 1-based row numbers; artists and albums are
   * numbered in order of first appearance (artist by name, album by Spotify album id).
   */
  public static CatalogBatch spotifyCatalog(List<SpotifyRow> rows) {
    Map<String, Artist> artists = new LinkedHashMap<>();
    Map<String, Album> albums = new LinkedHashMap<>();
    List<Track> tracks = new ArrayList<>(rows.size());
    long trackId = 0;
    for (SpotifyRow row : rows) {
      trackId++;
      String artistName = row.artist().isBlank() ? "Unknown artist" : row.artist();
      Artist artist =
          artists.computeIfAbsent(artistName, n -> Artist.named(artists.size() + 1L, n));
      ReleaseDate year = ReleaseDate.parse(Integer.toString(row.year()));
      Album album =
          albums.computeIfAbsent(
              row.albumId(),
              id ->
                  Album.builder()
                      .id(albums.size() + 1L)
                      .name(row.albumName().isBlank() ? "Untitled" : row.albumName())
                      .artistIds(List.of(artist.id()))
                      .releaseDate(year)
                      .externalIds(new ExternalIds(id, null, null))
                      .build());
      tracks.add(
          Track.builder()
              .id(trackId)
              .name(row.name().isBlank() ? "Untitled" : row.name())
              .albumId(album.id())
              .durationMs(row.durationMs())
              .releaseDate(year)
              .externalIds(new ExternalIds(row.trackId(), null, null))
              .popularity(row.popularity())
              .features(row.features())
              .artistIds(List.of(artist.id()))
              .build());
    }
    return new CatalogBatch(List.copyOf(artists.values()), List.copyOf(albums.values()), tracks);
  }

  /** One row of an MTG-Jamendo TSV: real Jamendo ids, duration in seconds, tags. */
  public record MtgRow(long trackId, long artistId, long albumId, double seconds, List<Tag> tags) {}

  public static List<MtgRow> mtgRows(Path tsvGz) {
    List<MtgRow> rows = new ArrayList<>();
    try (BufferedReader in = gzipReader(tsvGz)) {
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        List<Tag> tags = new ArrayList<>();
        for (int i = 5; i < f.length; i++) {
          int sep = f[i].indexOf("---");
          if (sep < 0) {
            continue;
          }
          String category =
              switch (f[i].substring(0, sep)) {
                case "genre" -> Tag.GENRE;
                case "instrument" -> Tag.INSTRUMENT;
                default -> Tag.MOOD;
              };
          tags.add(new Tag(category, f[i].substring(sep + 3)));
        }
        rows.add(
            new MtgRow(number(f[0]), number(f[1]), number(f[2]), Double.parseDouble(f[4]), tags));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * MTG rows as a catalog. The data set has no names, so names are derived from ids ("Track 948",
   * "Artist 87", "Album 149"); ids, durations and tags are the real ones.
   */
  public static CatalogBatch mtgCatalog(List<MtgRow> rows) {
    Map<Long, Artist> artists = new LinkedHashMap<>();
    Map<Long, Album> albums = new LinkedHashMap<>();
    List<Track> tracks = new ArrayList<>(rows.size());
    for (MtgRow row : rows) {
      artists.computeIfAbsent(row.artistId(), id -> Artist.named(id, "Artist " + id));
      albums.computeIfAbsent(
          row.albumId(),
          id ->
              Album.builder()
                  .id(id)
                  .name("Album " + id)
                  .artistIds(List.of(row.artistId()))
                  .build());
      tracks.add(
          Track.builder()
              .id(row.trackId())
              .name("Track " + row.trackId())
              .albumId(row.albumId())
              .durationMs(Math.round(row.seconds() * 1000))
              .artistIds(List.of(row.artistId()))
              .tags(row.tags())
              .build());
    }
    return new CatalogBatch(List.copyOf(artists.values()), List.copyOf(albums.values()), tracks);
  }

  private static long number(String prefixed) {
    return Long.parseLong(prefixed.substring(prefixed.indexOf('_') + 1));
  }

  private static BufferedReader gzipReader(Path p) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(p), 1 << 16), StandardCharsets.UTF_8));
  }
}
