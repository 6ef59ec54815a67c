package dev.stave.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Options every command shares. Unset options fall back to Spring configuration (properties, {@code
 * STAVE_*} environment variables), then to the defaults. Any other setting can be given as {@code
 * --name=value} with its Spring property name (e.g. {@code --stave.limits.app.per-minute=600}).
 */
public class StoreOptions {
  /** A Spring property on the command line: {@code --stave.limits.enabled=false}. */
  private static final Pattern SETTING =
      Pattern.compile("--([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+(?:\\[\\d+])?)+)=(.*)", Pattern.DOTALL);

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

  /** What picocli did not recognise: settings as {@code --name=value}, or mistakes. */
  @Unmatched List<String> unmatched = new ArrayList<>();

  /**
   * The options and settings given, as Spring properties that override every other source.
   *
   * @throws IllegalArgumentException for an argument that is neither an option nor a setting
   */
  Map<String, Object> asProperties() {
    Map<String, Object> p = new HashMap<>();
    for (String arg : unmatched) {
      Matcher m = SETTING.matcher(arg);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "unknown option or argument '"
                + arg
                + "' (settings are given as --name=value, e.g. --server.port=8081)");
      }
      p.put(m.group(1), m.group(2));
    }
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
