package dev.stave.catalog;

import dev.stave.config.StaveProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's secondary indexes (names, album by artist, external ids) set aside while a bulk
 * load fills an empty SQLite catalog, and made again, each in one sorted pass, when it ends.
 *
 * <p>Why: tracks arrive in id order, so their rows, their relation rows and the change log grow at
 * the end of their B-trees; but a name index takes each insert at a random place, and once it
 * outgrows the page cache every insert reads a page and every commit writes back thousands of them
 * (profiled in docs/performance.md, "Bulk load"). Creating the index afterwards sorts once and
 * writes each page once. The UNIQUE uuid indexes stay: they are part of their tables (SQLite cannot
 * drop them) and they guard correctness; they grow at their ends too, as the demo's UUIDs ascend
 * with the ids and other imports issue time-ordered ones. Nothing a bulk load reads needs the
 * indexes set aside: it finds stored rows by primary key.
 *
 * <p>Decision: no marker row says that a bulk load is under way; the missing indexes are the
 * marker. Every start of the application (server, import, any command) makes the missing ones again
 * before anything else uses the store, so a catalog left by an interrupted bulk load is never
 * served without them. Only a process that bulk-loads itself ({@code stave.catalog.bulk-load=true},
 * set by {@code stave demo}) leaves them missing at start; it makes them again when its load ends.
 *
 * <p>PostgreSQL keeps its indexes: a PostgreSQL catalog may be shared by nodes that serve while it
 * loads, and they must never see it without indexes.
 */
@Component
public class CatalogIndexes {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndexes.class);

  /**
   * The indexes a bulk load sets aside, by name, with the statement that makes each, as in the
   * migrations (DemoCommandTest checks that the two agree).
   */
  static final Map<String, String> DEFERRABLE = deferrable();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final boolean sqlite;

  public CatalogIndexes(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      StaveProperties props,
      @Value("${stave.catalog.bulk-load:false}") boolean bulkLoad) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.sqlite = !props.db().postgres();
    if (!bulkLoad) {
      List<String> made = restore(name -> log.warn("Recreating index {}", name));
      if (!made.isEmpty()) {
        log.warn("Recreated {} catalog index(es) an interrupted bulk load had set aside", made);
      }
    }
  }

  /**
   * Sets the deferrable indexes aside when the catalog is empty (SQLite only), in one transaction.
   *
   * @return whether the store now lacks them: set aside now, or by an earlier bulk load that was
   *     interrupted (whose indexes this process did not make at start)
   */
  public boolean setAsideForBulkLoad() {
    if (!sqlite) {
      return false;
    }
    Boolean aside =
        tx.execute(
            status -> {
              if (!missing().isEmpty()) {
                return true;
              }
              Long rows =
                  jdbc.queryForObject(
                      "SELECT (SELECT COUNT(*) FROM tracks) + (SELECT COUNT(*) FROM albums)"
                          + " + (SELECT COUNT(*) FROM artists)",
                      Long.class);
              if (rows == null || rows > 0) {
                return false;
              }
              DEFERRABLE.keySet().forEach(name -> jdbc.execute("DROP INDEX " + name));
              return true;
            });
    return Boolean.TRUE.equals(aside);
  }

  /**
   * Makes every missing deferrable index, each in its own transaction (one sort and one pass over
   * its table); {@code onEach} hears each name before it is made. Returns the names made.
   */
  public List<String> restore(Consumer<String> onEach) {
    List<String> missing = missing();
    for (String name : missing) {
      onEach.accept(name);
      tx.executeWithoutResult(status -> jdbc.execute(DEFERRABLE.get(name)));
    }
    return missing;
  }

  /** The deferrable indexes the store lacks (none on PostgreSQL), in {@link #DEFERRABLE} order. */
  public List<String> missing() {
    if (!sqlite) {
      return List.of();
    }
    Set<String> present =
        Set.copyOf(
            jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'index'", String.class));
    return DEFERRABLE.keySet().stream().filter(name -> !present.contains(name)).toList();
  }

  private static Map<String, String> deferrable() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("artists_spotify", "CREATE INDEX artists_spotify ON artists (spotify_id)");
    m.put("artists_idstr", "CREATE INDEX artists_idstr ON artists (idstr)");
    m.put("artists_name", "CREATE INDEX artists_name ON artists (name)");
    m.put("albums_artist", "CREATE INDEX albums_artist ON albums (artist_id, name)");
    m.put("albums_spotify", "CREATE INDEX albums_spotify ON albums (spotify_id)");
    m.put("tracks_album", "CREATE INDEX tracks_album ON tracks (album_id)");
    m.put("tracks_spotify", "CREATE INDEX tracks_spotify ON tracks (spotify_id)");
    m.put("tracks_isrc", "CREATE INDEX tracks_isrc ON tracks (isrc)");
    m.put("tracks_musicbrainz", "CREATE INDEX tracks_musicbrainz ON tracks (musicbrainz_id)");
    m.put("tracks_name", "CREATE INDEX tracks_name ON tracks (name)");
    m.put("track_artists_artist", "CREATE INDEX track_artists_artist ON track_artists (artist_id)");
    return Collections.unmodifiableMap(m);
  }
}
