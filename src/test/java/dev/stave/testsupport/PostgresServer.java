package dev.stave.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running PostgreSQL server that tests may create databases on.
 *
 * @param adminUrl JDBC URL of a database that always exists (the {@code postgres} database); only
 *     its host, port and parameters are reused for the test databases
 * @param user a role allowed to create databases
 */
public record PostgresServer(String adminUrl, String user, String password) {
  private static final String PREFIX = "jdbc:postgresql://";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  public PostgresServer {
    if (!adminUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + adminUrl);
    }
  }

  /** Creates an empty database with a name no other test (or test JVM) uses; returns its URL. */
  public String createDatabase() {
    // Random part: an external server may be shared by several test JVMs at once.
    String name =
        "stave_test_%d_%08x"
            .formatted(COUNTER.incrementAndGet(), ThreadLocalRandom.current().nextInt());
    execute("CREATE DATABASE " + name);
    return jdbcUrl(name);
  }

  /** Drops a database made by {@link #createDatabase()}, closing any connection still open. */
  public void dropDatabase(String jdbcUrl) {
    String name = databaseName(jdbcUrl);
    if (!name.startsWith("stave_test_")) {
      throw new IllegalArgumentException("refusing to drop " + name);
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The URL of {@code database} on this server, keeping the admin URL's parameters. */
  public String jdbcUrl(String database) {
    int query = adminUrl.indexOf('?');
    String hostAndPath = query < 0 ? adminUrl : adminUrl.substring(0, query);
    int slash = hostAndPath.indexOf('/', PREFIX.length());
    String host = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    return host + "/" + database + (query < 0 ? "" : adminUrl.substring(query));
  }

  static String databaseName(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    String path = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether the server answers now. */
  boolean accepts() {
    try {
      check();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Connects once; throws the driver's reason when the server cannot be reached. */
  void check() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
      if (!c.isValid(2)) {
        throw new SQLException("connection to " + adminUrl + " is not valid");
      }
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("on PostgreSQL " + adminUrl + ": " + sql + " failed", e);
    }
  }
}
