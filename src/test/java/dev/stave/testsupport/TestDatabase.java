package dev.stave.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One empty store for a test: a SQLite data directory, or a fresh PostgreSQL database (with its own
 * data directory for the search index and caches).
 *
 * @param jdbcUrl the PostgreSQL URL, or null for SQLite
 */
public record TestDatabase(
    StoreKind kind, Path dataDir, String jdbcUrl, String user, String password) {

  /**
   * Spring properties selecting this store. {@code stave.db.url} is always set, empty for SQLite,
   * so that a {@code STAVE_DB_URL} in the environment cannot redirect a SQLite test.
   */
  public Map<String, String> springProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("stave.data-dir", dataDir.toString());
    p.put("stave.db.url", jdbcUrl == null ? "" : jdbcUrl);
    p.put("stave.db.user", user == null ? "" : user);
    p.put("stave.db.password", password == null ? "" : password);
    return p;
  }

  /** The same as {@link #springProperties()}, as {@code --key=value} arguments. */
  public String[] springArgs() {
    return springProperties().entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** Store options for {@code StaveCommand.run(...)}: {@code --data DIR [--db-url URL ...]}. */
  public List<String> cliOptions() {
    List<String> o = new ArrayList<>(List.of("--data", dataDir.toString()));
    if (jdbcUrl != null) {
      o.addAll(List.of("--db-url", jdbcUrl, "--db-user", user, "--db-password", password));
    }
    return o;
  }

  /** A plain JDBC connection to the store, for assertions that bypass Stave's own code. */
  public Connection connect() throws SQLException {
    if (kind == StoreKind.SQLITE) {
      return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("stave.db"));
    }
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  @Override
  public String toString() {
    return kind == StoreKind.SQLITE ? "SQLite in " + dataDir : "PostgreSQL " + jdbcUrl;
  }
}
