package dev.stave.analysis;

import dev.stave.audio.AudioContentListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable queue of tracks whose audio awaits analysis (table {@code analysis_queue}, V8). A
 * scan adds the tracks it found new or changed content for, in its batch transaction ({@link
 * AudioContentListener}); {@link FeatureBackfill} removes them once their features are stored, in
 * the transaction that stores them, and only at the version it read before decoding, so a file
 * re-queued meanwhile (changed again) is analysed again.
 */
@Component
public class AnalysisQueue implements AudioContentListener {
  /**
   * A queued track: its version, and its present audio file (null when it has none any more) with
   * the file's duration (0: unknown).
   */
  record Entry(long trackId, long version, Path path, long durationMs) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AnalysisQueue(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void contentChanged(Collection<Long> trackIds) {
    String now = Instant.now(clock).toString();
    jdbc.batchUpdate(
        "INSERT INTO analysis_queue (track_id, version, queued_at, error) VALUES (?, 1, ?, NULL)"
            + " ON CONFLICT (track_id) DO UPDATE SET version = analysis_queue.version + 1,"
            + " queued_at = excluded.queued_at, error = NULL",
        new ArrayList<>(trackIds),
        256,
        (ps, id) -> {
          ps.setLong(1, id);
          ps.setString(2, now);
        });
  }

  /** The oldest {@code limit} entries that have not failed, oldest first. */
  List<Entry> pending(int limit) {
    return jdbc.query(
        "SELECT q.track_id, q.version, f.path, f.duration_ms FROM analysis_queue q"
            + " LEFT JOIN audio_files f ON f.path = (SELECT MIN(g.path) FROM audio_files g"
            + " WHERE g.track_id = q.track_id AND g.present = ?)"
            + " WHERE q.error IS NULL ORDER BY q.queued_at, q.track_id LIMIT ?",
        (rs, i) -> {
          String path = rs.getString(3);
          return new Entry(
              rs.getLong(1), rs.getLong(2), path == null ? null : Path.of(path), rs.getLong(4));
        },
        true,
        limit);
  }

  /** Every queued track, failed ones included. */
  Set<Long> trackIds() {
    return new HashSet<>(jdbc.queryForList("SELECT track_id FROM analysis_queue", Long.class));
  }

  /** The current versions of those of {@code trackIds} that are queued. */
  Map<Long, Long> versions(Collection<Long> trackIds) {
    Map<Long, Long> v = new HashMap<>();
    for (Long id : trackIds) {
      jdbc.query(
          "SELECT version FROM analysis_queue WHERE track_id = ?",
          rs -> {
            v.put(id, rs.getLong(1));
          },
          id);
    }
    return v;
  }

  /** Removes each entry that is still at the version given (analysed, or nothing to analyse). */
  void done(Map<Long, Long> versions) {
    versions.forEach(
        (id, version) ->
            jdbc.update(
                "DELETE FROM analysis_queue WHERE track_id = ? AND version = ?", id, version));
  }

  /** Records why an entry could not be analysed, unless it was re-queued meanwhile. */
  void failed(long trackId, long version, String error) {
    jdbc.update(
        "UPDATE analysis_queue SET error = ? WHERE track_id = ? AND version = ?",
        error,
        trackId,
        version);
  }

  /** Entries waiting (not failed). */
  public long waiting() {
    Long n =
        jdbc.queryForObject("SELECT COUNT(*) FROM analysis_queue WHERE error IS NULL", Long.class);
    return n == null ? 0 : n;
  }

  /** Entries whose last attempt failed. */
  public long failedCount() {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM analysis_queue WHERE error IS NOT NULL", Long.class);
    return n == null ? 0 : n;
  }

  /** A queued track whose last analysis failed, and why. */
  public record Failure(long trackId, String queuedAt, String error) {}

  /** The {@code limit} most recently queued failures (the operator console lists them). */
  public List<Failure> failures(int limit) {
    return jdbc.query(
        "SELECT track_id, queued_at, error FROM analysis_queue WHERE error IS NOT NULL"
            + " ORDER BY queued_at DESC, track_id LIMIT ?",
        (rs, i) -> new Failure(rs.getLong(1), rs.getString(2), rs.getString(3)),
        limit);
  }
}
