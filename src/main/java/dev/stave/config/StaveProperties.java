package dev.stave.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stave's own settings ({@code stave.*}, or environment variables such as {@code STAVE_DATA_DIR},
 * {@code STAVE_DB_URL}).
 *
 * @param dataDir where the SQLite file, the search index and caches live
 * @param publicUrl the base URL clients reach this server at (used in links handed out); empty
 *     means the scheme, host and port of each request, which is right unless a proxy rewrites them
 * @param db the SQL store; no URL means SQLite in the data directory
 */
@ConfigurationProperties("stave")
public record StaveProperties(
    @DefaultValue("./data") Path dataDir, @DefaultValue("") String publicUrl, @DefaultValue Db db) {

  /**
   * @param url a PostgreSQL JDBC URL, or empty for SQLite
   */
  public record Db(String url, String user, String password, @DefaultValue("8") int poolSize) {
    /** Whether the store is PostgreSQL (a URL is set) rather than SQLite. */
    public boolean postgres() {
      return url != null && !url.isBlank();
    }
  }
}
