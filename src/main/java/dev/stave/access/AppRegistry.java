package dev.stave.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The registry of client applications, stored in the SQL store. Client secrets are issued here,
 * shown once to the caller and stored only as a hash (the {@link PasswordEncoder}'s format).
 */
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

  /** 32 random bytes, URL-safe Base64: 43 characters. */
  private static final StringKeyGenerator SECRETS =
      new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

  /** Maps a row of {@code apps} ({@code SELECT *}); AppSelfService reads its own columns beside. */
  static final RowMapper<App> MAPPER =
      (rs, i) ->
          new App(
              rs.getString("client_id"),
              rs.getString("name"),
              rs.getString("owner"),
              App.Plan.of(rs.getString("plan")),
              App.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
              uris(rs.getString("redirect_uris")),
              Instant.parse(rs.getString("created_at")));

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final RecentRows<String, Optional<App>> recent;

  public AppRegistry(JdbcTemplate jdbc, PasswordEncoder encoder, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.recent = new RecentRows<>(clock.getIfAvailable(Clock::systemUTC));
  }

  /** An app just registered, or whose secret was just rotated, with the secret in clear. */
  public record Issued(App app, String clientSecret) {}

  /**
   * Registers an active, read-only app without redirect URIs and returns it with its new client id
   * (32 hex characters, unguessable).
   */
  public App create(String name) {
    return register(name, null, App.Plan.READ_ONLY, List.of()).app();
  }

  /**
   * Registers an active app and returns it with its client secret, which is not stored in clear and
   * cannot be shown again (rotate it when lost).
   *
   * @throws IllegalArgumentException for a blank name or a redirect URI that is not absolute or
   *     carries a fragment
   */
  public Issued register(String name, String owner, App.Plan plan, Collection<String> uris) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an app needs a name");
    }
    List<String> redirectUris = checkedUris(uris);
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String secret = SECRETS.generateKey();
    App app =
        new App(
            HexFormat.of().formatHex(bytes),
            name.strip(),
            owner == null || owner.isBlank() ? null : owner.strip(),
            plan,
            App.State.ACTIVE,
            redirectUris,
            Instant.now());
    jdbc.update(
        "INSERT INTO apps (client_id, name, owner, plan, state, redirect_uris, secret_hash,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        app.clientId(),
        app.name(),
        app.owner(),
        app.plan().key(),
        stateName(app.state()),
        String.join(" ", app.redirectUris()),
        encoder.encode(secret),
        createdAtText(app.createdAt()));
    return new Issued(app, secret);
  }

  /**
   * Issues a new client secret; the old one stops working at once.
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public Issued rotateSecret(String clientId) {
    String secret = SECRETS.generateKey();
    updateOrFail(
        "UPDATE apps SET secret_hash = ? WHERE client_id = ?", clientId, encoder.encode(secret));
    return new Issued(find(clientId).orElseThrow(), secret);
  }

  /** The stored hash of the app's client secret; empty without an app or a secret. */
  public Optional<String> secretHash(String clientId) {
    return jdbc
        .queryForList("SELECT secret_hash FROM apps WHERE client_id = ?", String.class, clientId)
        .stream()
        .filter(h -> h != null)
        .findFirst();
  }

  /**
   * @throws IllegalArgumentException when no app has that client id
   */
  public App setPlan(String clientId, App.Plan plan) {
    updateOrFail("UPDATE apps SET plan = ? WHERE client_id = ?", clientId, plan.key());
    return find(clientId).orElseThrow();
  }

  /**
   * Replaces the registered redirect URIs.
   *
   * @throws IllegalArgumentException when no app has that client id or a URI is not acceptable
   */
  public App setRedirectUris(String clientId, Collection<String> uris) {
    String joined = String.join(" ", checkedUris(uris));
    updateOrFail("UPDATE apps SET redirect_uris = ? WHERE client_id = ?", clientId, joined);
    return find(clientId).orElseThrow();
  }

  /**
   * The app with that client id.
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public App require(String clientId) {
    return find(clientId)
        .orElseThrow(() -> new IllegalArgumentException("no app with client id " + clientId));
  }

  private void updateOrFail(String sql, String clientId, Object value) {
    int updated = jdbc.update(sql, value, clientId);
    recent.forget(clientId);
    if (updated == 0) {
      throw new IllegalArgumentException("no app with client id " + clientId);
    }
  }

  /** Redirect URIs must be fit for exact matching: see {@link RedirectUris#problem}. */
  static List<String> checkedUris(Collection<String> uris) {
    List<String> out = new ArrayList<>();
    for (String u : uris) {
      String s = u.strip();
      RedirectUris.problem(s)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException("redirect URI '" + s + "' " + p);
              });
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> uris(String joined) {
    if (joined == null || joined.isBlank()) {
      return List.of();
    }
    return Arrays.stream(joined.split(" ")).filter(s -> !s.isEmpty()).toList();
  }

  /** One page of apps, and how many match in all. */
  public record AppPage(List<App> apps, long total) {}

  /**
   * The apps whose name, client id or owner contains {@code text} (case-insensitively; all when
   * blank), oldest first, {@code limit} from {@code offset} on.
   */
  public AppPage page(String text, int offset, int limit) {
    String like = LikePattern.contains(text);
    String where =
        " FROM apps WHERE LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(client_id) LIKE ? ESCAPE '\\'"
            + " OR LOWER(COALESCE(owner, '')) LIKE ? ESCAPE '\\'";
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, like, like, like);
    List<App> apps =
        jdbc.query(
            "SELECT *" + where + " ORDER BY created_at, client_id LIMIT ? OFFSET ?",
            MAPPER,
            like,
            like,
            like,
            limit,
            offset);
    return new AppPage(apps, total == null ? 0 : total);
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
   * As {@link #find}, for the check of every API request: may be up to {@link RecentRows#LIFETIME}
   * old when another process changed the app.
   */
  public Optional<App> findRecent(String clientId) {
    return clientId == null ? Optional.empty() : recent.get(clientId, this::find);
  }

  /**
   * Suspends or resumes an app.
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public App setState(String clientId, App.State state) {
    updateOrFail("UPDATE apps SET state = ? WHERE client_id = ?", clientId, stateName(state));
    return find(clientId).orElseThrow();
  }

  /**
   * Deletes the app with its OAuth2 tokens and consents: its client id and secret stop working at
   * once on this node, within {@link RecentRows#LIFETIME} on the others.
   *
   * @return false when no app has that client id
   */
  public boolean delete(String clientId) {
    jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", clientId);
    jdbc.update(
        "DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?", clientId);
    int deleted = jdbc.update("DELETE FROM apps WHERE client_id = ?", clientId);
    recent.forget(clientId);
    return deleted > 0;
  }

  static String createdAtText(Instant createdAt) {
    return CREATED_AT.format(createdAt);
  }

  private static String stateName(App.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
