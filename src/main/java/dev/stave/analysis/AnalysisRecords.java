package dev.stave.analysis;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which part of each track its stored features come from (table {@code track_analysis}, V16): a
 * window or the whole track ({@link AnalysisWindow}). Kept so that an operator who switches to
 * whole-track analysis can have exactly the windowed tracks analysed again ({@code stave analyze
 * --whole-track}), and so that an operator can see how a value was obtained.
 */
@Component
public class AnalysisRecords {
  /** How one track was analysed. */
  record Entry(long trackId, String mode, String excerpt) {}

  private final JdbcTemplate jdbc;

  public AnalysisRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records {@code entries}, replacing earlier records of the same tracks. */
  void record(Collection<Entry> entries) {
    String now = Instant.now().toString();
    jdbc.batchUpdate(
        "INSERT INTO track_analysis (track_id, mode, excerpt, analysed_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (track_id) DO UPDATE SET mode = excluded.mode,"
            + " excerpt = excluded.excerpt, analysed_at = excluded.analysed_at",
        List.copyOf(entries),
        256,
        (ps, e) -> {
          ps.setLong(1, e.trackId());
          ps.setString(2, e.mode());
          ps.setString(3, e.excerpt());
          ps.setString(4, now);
        });
  }

  /** The tracks whose stored features come from a window. */
  Set<Long> windowed() {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT track_id FROM track_analysis WHERE mode = ?",
            Long.class,
            AnalysisWindow.MODE_WINDOW));
  }
}
