package dev.stave.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test PostgreSQL server itself: how it runs, and that test databases are isolated. */
class TestPostgresTest {

  @Test
  void embeddedServerRunsUnprivilegedOnLoopbackWithoutDurability(@TempDir Path dir)
      throws SQLException {
    assumeThat(System.getenv(SharedPostgres.URL_ENV))
        .as("checks the embedded server; %s names an external one", SharedPostgres.URL_ENV)
        .isNullOrEmpty();
    TestDatabase db = TestDatabases.postgres(dir);
    try (Connection c = db.connect()) {
      // The backend's own /proc entry: the OS account the server runs as. Never root.
      String status = query(c, "SELECT pg_read_file('/proc/self/status')");
      String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
      assertThat(uid.split("\\s+")[1]).isNotEqualTo("0");
      assertThat(query(c, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(query(c, "SHOW unix_socket_directories")).isEmpty();
      assertThat(query(c, "SHOW fsync")).isEqualTo("off");
      assertThat(query(c, "SELECT current_setting('server_version_num')")).startsWith("17");
    } finally {
      TestDatabases.drop(db);
    }
  }

  @Test
  void everyTestDatabaseIsFreshAndSeparate(@TempDir Path dir) throws SQLException {
    TestDatabase first = TestDatabases.postgres(dir.resolve("a"));
    TestDatabase second = TestDatabases.postgres(dir.resolve("b"));
    try {
      assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
      try (Connection c = first.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE only_here (x INT)");
      }
      try (Connection c = second.connect()) {
        assertThat(
                query(
                    c,
                    "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_name = 'only_here'"))
            .isEqualTo("0");
      }
    } finally {
      TestDatabases.drop(first);
      TestDatabases.drop(second);
    }
    try (Connection c = DriverManager.connectAdmin()) {
      assertThat(
              query(
                  c,
                  "SELECT COUNT(*) FROM pg_database WHERE datname = '"
                      + PostgresServer.databaseName(first.jdbcUrl())
                      + "'"))
          .as("dropped")
          .isEqualTo("0");
    }
  }

  @Test
  void anUnreachableServerFailsWithTheReasonNeverSkips() {
    String url = "jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=2";
    assertThatThrownBy(() -> SharedPostgres.open(Map.of(SharedPostgres.URL_ENV, url)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(url);
  }

  @Test
  void databaseUrlsKeepHostPortAndParameters() {
    PostgresServer s =
        new PostgresServer("jdbc:postgresql://db.example:6543/postgres?sslmode=require", "u", "");
    assertThat(s.jdbcUrl("stave_test_1"))
        .isEqualTo("jdbc:postgresql://db.example:6543/stave_test_1?sslmode=require");
    assertThat(new PostgresServer("jdbc:postgresql://h", "u", "").jdbcUrl("x"))
        .isEqualTo("jdbc:postgresql://h/x");
    assertThat(PostgresServer.databaseName("jdbc:postgresql://h:1/stave_test_9?a=b"))
        .isEqualTo("stave_test_9");
  }

  @Test
  void archiveModesBecomePosixPermissions() {
    assertThat(PostgresBinaries.permissions(0755))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(PostgresBinaries.permissions(0640))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** The shared server's maintenance database. */
  private static final class DriverManager {
    static Connection connectAdmin() throws SQLException {
      PostgresServer s = SharedPostgres.get();
      return java.sql.DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
    }
  }
}
