package dev.stave.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command shares. Unset options fall back to Spring configuration (properties, {@code
 * STAVE_*} environment variables), then to the defaults.
 */
public class StoreOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (SQLite file, search index, caches). Default: ./data")
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = "PostgreSQL JDBC URL (or STAVE_DB_URL). Unset: SQLite in the data directory.")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user (STAVE_DB_USER)")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      description = "Database password (STAVE_DB_PASSWORD)")
  String dbPassword;

  /** The options given, as Spring properties that override every other source. */
  Map<String, Object> asProperties() {
    Map<String, Object> p = new HashMap<>();
    if (dataDir != null) {
      p.put("stave.data-dir", dataDir.toString());
    }
    if (dbUrl != null) {
      p.put("stave.db.url", dbUrl);
    }
    if (dbUser != null) {
      p.put("stave.db.user", dbUser);
    }
    if (dbPassword != null) {
      p.put("stave.db.password", dbPassword);
    }
    return p;
  }
}
