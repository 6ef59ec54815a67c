package dev.stave.access;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The registry of client applications, stored in the SQL store. */
@Component
public class AppRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * created_at is text ordered by {@code ORDER BY}: a fixed width (always nine fraction digits) so
   * that text order is time order on every database. {@link Instant#toString()} prints 0, 3, 6 or 9
   * digits, and "…:56Z" sorts after "…:56.5Z".
   */
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final RowMapper<App> MAPPER =
      (rs, i) ->
          new App(
              rs.getString("client_id"),
              rs.getString("name"),
              App.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
              Instant.parse(rs.getString("created_at")));

  private final JdbcTemplate jdbc;

  public AppRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers an app and returns it with its new client id (32 hex characters, unguessable). */
  public App create(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an app needs a name");
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    App app =
        new App(HexFormat.of().formatHex(bytes), name.strip(), App.State.ACTIVE, Instant.now());
    jdbc.update(
        "INSERT INTO apps (client_id, name, state, created_at) VALUES (?, ?, ?, ?)",
        app.clientId(),
        app.name(),
        stateName(app.state()),
        createdAtText(app.createdAt()));
    return app;
  }

  public List<App> list() {
    return jdbc.query("SELECT * FROM apps ORDER BY created_at, client_id", MAPPER);
  }

  public Optional<App> find(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT * FROM apps WHERE client_id = ?", MAPPER, clientId).stream()
        .findFirst();
  }

  /**
   * Suspends or resumes an app.
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public App setState(String clientId, App.State state) {
    int n =
        jdbc.update("UPDATE apps SET state = ? WHERE client_id = ?", stateName(state), clientId);
    if (n == 0) {
      throw new IllegalArgumentException("no app with client id " + clientId);
    }
    return find(clientId).orElseThrow();
  }

  static String createdAtText(Instant createdAt) {
    return CREATED_AT.format(createdAt);
  }

  private static String stateName(App.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
