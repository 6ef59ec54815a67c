package dev.stave.ingest.scan;

import dev.stave.audio.AudioProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the catalog track a newly found audio file is the audio of, so that {@code stave scan}
 * attaches files to an imported catalog instead of creating a second copy of every track from the
 * tags. The rules are tried in the order of {@link Rule}, from the most to the least certain; a
 * track that already has a file is never taken (a file must not steal another's track).
 *
 * <p>Decisions: a Jamendo-style id is a file name that is a number without a leading zero ({@code
 * 245.mp3}, MTG's {@code 45/245.mp3}), so that {@code 01.mp3} of a ripped CD is not taken for track
 * 1; names are compared exactly (as the tags spell them), and among several tracks with the same
 * artist, album and title the one whose duration is nearest wins (within 2 s).
 */
@Component
public class TrackMatcher {
  private static final Pattern JAMENDO_ID = Pattern.compile("[1-9]\\d{0,17}");
  static final long DURATION_TOLERANCE_MS = 2000;

  /** How a file was matched to its track, in the order the rules are tried. */
  public enum Rule {
    IMPORT_PATH("path named by the import"),
    JAMENDO_ID("Jamendo id in the file name"),
    ISRC("ISRC"),
    MUSICBRAINZ_ID("MusicBrainz recording id"),
    NAMES_AND_DURATION("artist + album + title, duration within 2 s");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A catalog track for a file, and the rule that found it. */
  public record Match(long trackId, Rule rule) {}

  private final JdbcTemplate jdbc;

  public TrackMatcher(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The catalog track {@code file} (found under {@code root}) is the audio of, or empty.
   *
   * @param taken tracks given a file earlier in the same, not yet committed, batch
   */
  public Optional<Match> match(Path file, Path root, AudioProbe probe, Set<Long> taken) {
    if (root != null) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      Optional<Match> byPath =
          first(
              "SELECT track_id FROM track_audio_paths WHERE path = ? ORDER BY track_id",
              Rule.IMPORT_PATH,
              taken,
              relative);
      if (byPath.isPresent()) {
        return byPath;
      }
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    if (JAMENDO_ID.matcher(base).matches()) {
      Optional<Match> byId =
          first("SELECT id FROM tracks WHERE id = ?", Rule.JAMENDO_ID, taken, Long.valueOf(base));
      if (byId.isPresent()) {
        return byId;
      }
    }
    String isrc = probe.tag("isrc", "tsrc");
    if (isrc != null) {
      Optional<Match> byIsrc =
          first("SELECT id FROM tracks WHERE isrc = ? ORDER BY id", Rule.ISRC, taken, isrc);
      if (byIsrc.isPresent()) {
        return byIsrc;
      }
    }
    String mbid =
        probe.tag("musicbrainz_trackid", "musicbrainz track id", "musicbrainz_releasetrackid");
    if (mbid != null) {
      Optional<Match> byMbid =
          first(
              "SELECT id FROM tracks WHERE musicbrainz_id = ? ORDER BY id",
              Rule.MUSICBRAINZ_ID,
              taken,
              mbid);
      if (byMbid.isPresent()) {
        return byMbid;
      }
    }
    String title = probe.tag("title");
    String album = probe.tag("album");
    String artist = probe.tag("artist", "album_artist", "albumartist", "album artist");
    if (title == null || album == null || artist == null) {
      return Optional.empty();
    }
    return first(
        "SELECT DISTINCT t.id, ABS(t.duration_ms - ?) AS off FROM tracks t"
            + " JOIN albums al ON al.id = t.album_id"
            + " JOIN track_artists ta ON ta.track_id = t.id"
            + " JOIN artists a ON a.id = ta.artist_id"
            + " WHERE t.name = ? AND al.name = ? AND a.name = ?"
            + " AND ABS(t.duration_ms - ?) <= ? ORDER BY off, t.id",
        Rule.NAMES_AND_DURATION,
        taken,
        probe.durationMs(),
        title,
        album,
        artist,
        probe.durationMs(),
        DURATION_TOLERANCE_MS);
  }

  /** The first candidate that has no file yet. */
  private Optional<Match> first(String sql, Rule rule, Set<Long> taken, Object... args) {
    List<Long> ids = jdbc.query(sql, (rs, i) -> rs.getLong(1), args);
    for (long id : ids) {
      if (!taken.contains(id) && !hasFile(id)) {
        return Optional.of(new Match(id, rule));
      }
    }
    return Optional.empty();
  }

  private boolean hasFile(long trackId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM audio_files WHERE track_id = ?", Integer.class, trackId);
    return n != null && n > 0;
  }
}
