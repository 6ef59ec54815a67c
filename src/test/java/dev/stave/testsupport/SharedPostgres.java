package dev.stave.testsupport;

import java.sql.SQLException;
import java.util.Map;

/**
 * The one PostgreSQL server of this test JVM: the one named by {@code STAVE_TEST_PG_URL} (with
 * {@code STAVE_TEST_PG_USER}, {@code STAVE_TEST_PG_PASSWORD}), or else an {@link EmbeddedPostgres}
 * started on first use and stopped by a shutdown hook.
 *
 * <p>If the server cannot be had, every request fails with the same explanation: PostgreSQL tests
 * fail, they never skip.
 */
final class SharedPostgres {
  static final String URL_ENV = "STAVE_TEST_PG_URL";

  private SharedPostgres() {}

  /** The server; starts it on first call. */
  static PostgresServer get() {
    Holder h = Holder.INSTANCE;
    if (h.failure != null) {
      throw new IllegalStateException(
          "PostgreSQL for tests is unavailable (set "
              + URL_ENV
              + " to use an existing server instead): "
              + h.failure.getMessage(),
          h.failure);
    }
    return h.server;
  }

  /** The server named in {@code env}, checked to answer, or a newly started embedded one. */
  static PostgresServer open(Map<String, String> env) throws Exception {
    String url = env.get(URL_ENV);
    if (url != null && !url.isBlank()) {
      PostgresServer s =
          new PostgresServer(
              url,
              env.getOrDefault("STAVE_TEST_PG_USER", "postgres"),
              env.getOrDefault("STAVE_TEST_PG_PASSWORD", ""));
      try {
        s.check();
      } catch (SQLException e) {
        throw new IllegalStateException(
            "no connection to " + URL_ENV + "=" + url + " as " + s.user() + ": " + e.getMessage(),
            e);
      }
      System.err.println("[stave tests] using PostgreSQL at " + url);
      return s;
    }
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.start();
    Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "stop-embedded-postgres"));
    // On stderr, not the log: Spring contexts of earlier tests may have muted INFO.
    System.err.printf(
        "[stave tests] embedded PostgreSQL started at %s in %d ms%n",
        pg.server().adminUrl(), (System.nanoTime() - t0) / 1_000_000);
    return pg.server();
  }

  /** Initialisation-on-demand holder: the JVM runs this once, thread-safely, on first use. */
  private static final class Holder {
    static final Holder INSTANCE = new Holder(System.getenv());

    final PostgresServer server;
    final Exception failure;

    private Holder(Map<String, String> env) {
      PostgresServer s = null;
      Exception f = null;
      try {
        s = open(env);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        f = e;
      }
      this.server = s;
      this.failure = f;
    }
  }
}
