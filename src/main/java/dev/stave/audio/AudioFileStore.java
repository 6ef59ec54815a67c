package dev.stave.audio;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The {@code audio_files} and {@code audio_roots} tables. */
@Component
public class AudioFileStore {
  private final JdbcTemplate jdbc;

  public AudioFileStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The present master file of a track (the first by path when duplicates exist). */
  public Optional<AudioFile> forTrack(long trackId) {
    return jdbc
        .query(
            "SELECT * FROM audio_files WHERE track_id = ? AND present = ? ORDER BY path LIMIT 1",
            AudioFileStore::row,
            trackId,
            true)
        .stream()
        .findFirst();
  }

  /**
   * The present master file of each given track that has one (the first by path, as {@link
   * #forTrack}), in one query per 500 ids: a list page of songs shows each file's size and format,
   * and asking per song made a page cost one query per song.
   */
  public Map<Long, AudioFile> forTracks(Collection<Long> trackIds) {
    Map<Long, AudioFile> out = new HashMap<>();
    forPresentFiles(
        trackIds,
        "*",
        " ORDER BY track_id, path",
        rs -> {
          AudioFile f = row(rs, 0);
          out.putIfAbsent(f.trackId(), f);
        });
    return out;
  }

  /**
   * Runs {@code SELECT columns FROM audio_files} over the present files of {@code trackIds}, one
   * query per 500 ids.
   */
  private void forPresentFiles(
      Collection<? extends Long> trackIds,
      String columns,
      String orderBy,
      RowCallbackHandler handler) {
    List<Long> ids = trackIds.stream().distinct().map(Long::valueOf).toList();
    for (int i = 0; i < ids.size(); i += 500) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      List<Object> args = new ArrayList<>(chunk);
      args.add(true);
      jdbc.query(
          "SELECT "
              + columns
              + " FROM audio_files WHERE track_id IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ") AND present = ?"
              + orderBy,
          handler,
          args.toArray());
    }
  }

  /** A track and the path of its present master file. */
  public record TrackFile(long trackId, Path path, long durationMs) {}

  /**
   * The tracks that have a present master file (the first by path), in track id order; with {@code
   * withoutFeaturesOnly}, only those whose audio features are all unknown.
   */
  public List<TrackFile> presentTrackFiles(boolean withoutFeaturesOnly) {
    String unknown =
        withoutFeaturesOnly
            ? " AND t.acousticness IS NULL AND t.danceability IS NULL AND t.energy IS NULL"
                + " AND t.instrumentalness IS NULL AND t.musical_key IS NULL"
                + " AND t.liveness IS NULL AND t.loudness IS NULL AND t.mode IS NULL"
                + " AND t.speechiness IS NULL AND t.tempo IS NULL AND t.valence IS NULL"
            : "";
    Map<Long, TrackFile> first = new LinkedHashMap<>();
    jdbc.query(
        "SELECT f.track_id, f.path, f.duration_ms FROM audio_files f"
            + " JOIN tracks t ON t.id = f.track_id"
            + " WHERE f.present = ?"
            + unknown
            + " ORDER BY f.track_id, f.path",
        rs -> {
          long id = rs.getLong(1);
          first.putIfAbsent(id, new TrackFile(id, Path.of(rs.getString(2)), rs.getLong(3)));
        },
        true);
    return List.copyOf(first.values());
  }

  /** Every known file, present or not, by path. */
  public Map<Path, AudioFile> all() {
    Map<Path, AudioFile> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT * FROM audio_files ORDER BY path",
        rs -> {
          AudioFile f = row(rs, 0);
          out.put(f.path(), f);
        });
    return out;
  }

  /** Inserts or replaces the row of {@code f.path()}. */
  public void save(AudioFile f) {
    jdbc.update("DELETE FROM audio_files WHERE path = ?", f.path().toString());
    jdbc.update(
        "INSERT INTO audio_files (path, size, mtime_ms, content_hash, track_id, owns_track,"
            + " duration_ms, codec, container, bitrate_kbps, sample_rate, channels, has_cover,"
            + " present, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        f.path().toString(),
        f.size(),
        f.mtimeMs(),
        f.contentHash(),
        f.trackId(),
        f.ownsTrack(),
        f.durationMs(),
        f.codec(),
        f.container(),
        f.bitrateKbps(),
        f.sampleRate(),
        f.channels(),
        f.hasCover(),
        f.present(),
        Instant.now().toString());
  }

  public void delete(Path path) {
    jdbc.update("DELETE FROM audio_files WHERE path = ?", path.toString());
  }

  public void markMissing(Path path) {
    jdbc.update("UPDATE audio_files SET present = ? WHERE path = ?", false, path.toString());
  }

  /** How many tracks have a file on disk, and how long those files play in all. */
  public record Totals(long tracks, long durationMs) {}

  /** The catalog's audio at a glance: tracks with a present file and their total duration. */
  public Totals totals() {
    return jdbc.queryForObject(
        "SELECT COUNT(DISTINCT track_id), COALESCE(SUM(duration_ms), 0) FROM audio_files"
            + " WHERE present",
        (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2)));
  }

  /** Those of {@code trackIds} that have a present audio file, in one query per 500 ids. */
  public Set<Long> withPresentFile(Collection<? extends Long> trackIds) {
    Set<Long> out = new HashSet<>();
    forPresentFiles(trackIds, "DISTINCT track_id", "", rs -> out.add(rs.getLong(1)));
    return out;
  }

  /** The waveform JSON of each given track that has one (through its present master file). */
  public Map<Long, String> waveforms(Collection<Long> trackIds) {
    Map<Long, String> out = new HashMap<>();
    List<Long> ids = List.copyOf(trackIds);
    for (int i = 0; i < ids.size(); i += 500) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      List<Object> args = new ArrayList<>(chunk);
      args.add(true);
      jdbc.query(
          "SELECT f.track_id, w.peaks FROM audio_files f JOIN audio_waveforms w"
              + " ON w.content_hash = f.content_hash WHERE f.track_id IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ") AND f.present = ? ORDER BY f.path",
          rs -> {
            out.putIfAbsent(rs.getLong(1), rs.getString(2));
          },
          args.toArray());
    }
    return out;
  }

  /** Present files whose content has no waveform yet, one per content hash. */
  public List<AudioFile> withoutWaveform() {
    Map<String, AudioFile> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT * FROM audio_files f WHERE present = ? AND NOT EXISTS"
            + " (SELECT 1 FROM audio_waveforms w WHERE w.content_hash = f.content_hash)"
            + " ORDER BY path",
        rs -> {
          AudioFile f = row(rs, 0);
          out.putIfAbsent(f.contentHash(), f);
        },
        true);
    return List.copyOf(out.values());
  }

  public void saveWaveform(String contentHash, String peaks) {
    jdbc.update("DELETE FROM audio_waveforms WHERE content_hash = ?", contentHash);
    jdbc.update(
        "INSERT INTO audio_waveforms (content_hash, peaks, computed_at) VALUES (?, ?, ?)",
        contentHash,
        peaks,
        Instant.now().toString());
  }

  /** Folders given to {@code stave scan}, in the order they were first given. */
  public List<Path> rememberedRoots() {
    return jdbc
        .queryForList("SELECT path FROM audio_roots ORDER BY added_at, path", String.class)
        .stream()
        .map(Path::of)
        .toList();
  }

  public void rememberRoot(Path root) {
    if (jdbc.queryForObject(
            "SELECT COUNT(*) FROM audio_roots WHERE path = ?", Integer.class, root.toString())
        == 0) {
      jdbc.update(
          "INSERT INTO audio_roots (path, added_at) VALUES (?, ?)",
          root.toString(),
          Instant.now().toString());
    }
  }

  private static AudioFile row(ResultSet rs, int i) throws SQLException {
    return new AudioFile(
        Path.of(rs.getString("path")),
        rs.getLong("size"),
        rs.getLong("mtime_ms"),
        rs.getString("content_hash"),
        rs.getLong("track_id"),
        rs.getBoolean("owns_track"),
        rs.getLong("duration_ms"),
        rs.getString("codec"),
        rs.getString("container"),
        rs.getInt("bitrate_kbps"),
        (Integer) rs.getObject("sample_rate", Integer.class),
        (Integer) rs.getObject("channels", Integer.class),
        rs.getBoolean("has_cover"),
        rs.getBoolean("present"));
  }
}
