package dev.stave.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.BothStores;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

@BothStores
class MigrationsTest {
  private static final List<String> TABLES =
      List.of(
          "artists",
          "artist_locations",
          "artist_descriptions",
          "albums",
          "album_artists",
          "album_descriptions",
          "album_tags",
          "tracks",
          "track_artists",
          "track_tags",
          "users",
          "playlists",
          "playlist_tracks",
          "user_relations",
          "reviews",
          "radios",
          "feeds",
          "apps",
          "import_checkpoints",
          "change_log",
          "audio_files",
          "audio_roots",
          "accounts",
          "oauth2_authorization",
          "oauth2_authorization_consent",
          "audio_waveforms",
          "api_usage",
          "run_reports",
          "subsonic_credentials",
          "subsonic_ratings",
          "subsonic_play_queues",
          "subsonic_recent_albums",
          "track_analysis");

  @Test
  void everyMigrationAppliesAndSucceeds(JdbcTemplate jdbc, StoreKind kind) {
    List<String> applied =
        jdbc.queryForList(
            "SELECT version FROM flyway_schema_history WHERE success = ? ORDER BY installed_rank",
            String.class,
            true);
    // 4.1: the shared rate-limit buckets, PostgreSQL only (SQLite keeps them in memory);
    // 6: apps' OAuth2 columns, accounts and the authorization server's tables
    // 9: audio paths named by imports (MTG PATH, jsonl audio) and the indexes the scan matches on
    // 10: API usage counts per app and hour; apps registered in the developer portal
    // 11: the operator role of accounts and the reports of past imports and scans (console)
    // 12, 13: the Subsonic dialect's credentials, ratings, play queues and recent albums
    // 16: how each track's features were analysed (a window or the whole track)
    assertThat(applied)
        .containsExactlyElementsOf(
            kind == StoreKind.POSTGRESQL
                ? List.of(
                    "1", "2", "3", "4", "4.1", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                    "16")
                : List.of(
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "16"));
    Integer failed =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM flyway_schema_history WHERE success = ?", Integer.class, false);
    assertThat(failed).isZero();
  }

  @Test
  void storeIsTheExpectedKind(TestDatabase db, StoreKind kind) throws Exception {
    try (Connection c = db.connect()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      assertThat(product).isEqualTo(kind == StoreKind.SQLITE ? "sqlite" : "postgresql");
    }
  }

  @Test
  void everyTableExists(TestDatabase db) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(tables).containsAll(TABLES);
    if (db.kind() == StoreKind.POSTGRESQL) {
      assertThat(tables).contains("rate_limit_buckets");
    }
  }
}
