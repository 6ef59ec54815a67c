package dev.stave.access.usage;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code api_usage}: counts added by every node ({@link UsageMeter}) and read back by
 * hour for the usage pages. Adding is an upsert that adds to the row ({@code ON CONFLICT DO UPDATE
 * SET requests = requests + excluded.requests}, the same SQL on SQLite and PostgreSQL), so two
 * nodes flushing the same app and hour never overwrite each other.
 */
@Component
public class UsageStore {
  private static final String ADD =
      "INSERT INTO api_usage (client_id, hour, dialect, method, status, requests, refused)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (client_id, hour, dialect, method, status) DO UPDATE SET"
          + " requests = api_usage.requests + excluded.requests,"
          + " refused = api_usage.refused + excluded.refused";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public UsageStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Counts to add to one row. */
  record Delta(UsageKey key, long requests, long refused) {}

  /**
   * One stored row.
   *
   * @param hour whole hours since 1970-01-01T00:00Z
   */
  public record Row(
      long hour, String dialect, String method, String status, long requests, long refused) {}

  /** Adds the counts in one transaction: all of them, or none (the meter keeps them then). */
  void add(List<Delta> deltas) {
    tx.executeWithoutResult(
        s ->
            jdbc.batchUpdate(
                ADD,
                deltas,
                500,
                (ps, d) -> {
                  ps.setString(1, d.key().clientId());
                  ps.setLong(2, d.key().hour());
                  ps.setString(3, d.key().dialect());
                  ps.setString(4, d.key().method());
                  ps.setString(5, d.key().status());
                  ps.setLong(6, d.requests());
                  ps.setLong(7, d.refused());
                }));
  }

  /** The app's rows of the hours {@code [fromHour, toHour)}, oldest first. */
  public List<Row> rows(String clientId, long fromHour, long toHour) {
    return jdbc.query(
        "SELECT hour, dialect, method, status, requests, refused FROM api_usage"
            + " WHERE client_id = ? AND hour >= ? AND hour < ? ORDER BY hour",
        (rs, i) ->
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6)),
        clientId,
        fromHour,
        toHour);
  }

  /**
   * Deletes the rows of the hours before {@code hour}.
   *
   * @return the number of rows deleted
   */
  int prune(long hour) {
    return jdbc.update("DELETE FROM api_usage WHERE hour < ?", hour);
  }

  /** Forgets an app's counts (the app was deleted). */
  public void forget(String clientId) {
    jdbc.update("DELETE FROM api_usage WHERE client_id = ?", clientId);
  }
}
