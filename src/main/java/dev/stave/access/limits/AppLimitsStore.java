package dev.stave.access.limits;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The per-app limit overrides, two columns of the {@code apps} table. Read on every request of an
 * app, so that a change made by the CLI applies to the next request, on every node.
 */
@Component
public class AppLimitsStore {
  private static final RowMapper<AppLimits> MAPPER =
      (rs, i) -> new AppLimits(nullable(rs, "rate_per_minute"), nullable(rs, "monthly_quota"));

  private final JdbcTemplate jdbc;

  public AppLimitsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
    if (n == 0) {
      throw new IllegalArgumentException("no app with client id " + clientId);
    }
  }

  private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
