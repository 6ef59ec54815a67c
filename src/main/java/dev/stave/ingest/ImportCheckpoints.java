package dev.stave.ingest;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Progress of imports in {@code import_checkpoints}: one row per format and input fingerprint,
 * holding how many records are durably written. {@link #advance} is meant to run inside the
 * transaction that writes the batch, so the checkpoint never runs ahead of the data.
 */
@Component
public class ImportCheckpoints {
  private final JdbcTemplate jdbc;

  public ImportCheckpoints(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored checkpoint: records written so far, and whether the import ran to the end. */
  public record Checkpoint(long position, boolean completed) {}

  public Checkpoint find(String key) {
    List<Checkpoint> rows =
        jdbc.query(
            "SELECT position, completed FROM import_checkpoints WHERE source_key = ?",
            (rs, i) -> new Checkpoint(rs.getLong(1), rs.getBoolean(2)),
            key);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Where a run over this input starts: after the records an interrupted run wrote, or at 0 when
   * there is no checkpoint or the last run completed (a re-run processes everything again).
   */
  public long begin(String key) {
    Checkpoint cp = find(key);
    if (cp != null && !cp.completed()) {
      return cp.position();
    }
    save(key, 0, false);
    return 0;
  }

  public void advance(String key, long position) {
    save(key, position, false);
  }

  public void complete(String key, long position) {
    save(key, position, true);
  }

  private void save(String key, long position, boolean completed) {
    String now = Instant.now().toString();
    int n =
        jdbc.update(
            "UPDATE import_checkpoints SET position = ?, completed = ?, updated_at = ?"
                + " WHERE source_key = ?",
            position,
            completed,
            now,
            key);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO import_checkpoints (source_key, position, completed, updated_at)"
              + " VALUES (?, ?, ?, ?)",
          key,
          position,
          completed,
          now);
    }
  }
}
