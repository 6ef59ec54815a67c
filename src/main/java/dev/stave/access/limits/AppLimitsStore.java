package dev.stave.access.limits;

import dev.stave.access.RecentRows;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The per-app limit overrides, two columns of the {@code apps} table. Needed on every request of an
 * app, so read through {@link RecentRows}: a change made by the CLI or on another node applies
 * within {@link RecentRows#LIFETIME}.
 */
@Component
public class AppLimitsStore {
  private static final RowMapper<AppLimits> MAPPER =
      (rs, i) -> new AppLimits(nullable(rs, "rate_per_minute"), nullable(rs, "monthly_quota"));

  private final JdbcTemplate jdbc;
  private final RecentRows<String, Optional<AppLimits>> recent;

  public AppLimitsStore(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.recent = new RecentRows<>(clock.getIfAvailable(Clock::systemUTC));
  }

  /** As {@link #find}, for the limiter: may be up to {@link RecentRows#LIFETIME} old. */
  public Optional<AppLimits> findRecent(String clientId) {
    return recent.get(clientId, this::find);
  }

  /** The app's overrides, or empty when no app has that client id. */
  public Optional<AppLimits> find(String clientId) {
    return jdbc
        .query(
            "SELECT rate_per_minute, monthly_quota FROM apps WHERE client_id = ?", MAPPER, clientId)
        .stream()
        .findFirst();
  }

  /** Every app's overrides, by client id. */
  public Map<String, AppLimits> all() {
    Map<String, AppLimits> out = new TreeMap<>();
    jdbc.query(
        "SELECT client_id, rate_per_minute, monthly_quota FROM apps",
        rs -> {
          out.put(rs.getString("client_id"), MAPPER.mapRow(rs, 0));
        });
    return out;
  }

  /**
   * Replaces the app's overrides.
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public void set(String clientId, AppLimits limits) {
    int n =
        jdbc.update(
            "UPDATE apps SET rate_per_minute = ?, monthly_quota = ? WHERE client_id = ?",
            limits.perMinute(),
            limits.monthly(),
            clientId);
    recent.forget(clientId);
    if (n == 0) {
      throw new IllegalArgumentException("no app with client id " + clientId);
    }
  }

  private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
