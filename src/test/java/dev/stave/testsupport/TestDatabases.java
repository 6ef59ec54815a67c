package dev.stave.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Empty stores for tests. Most tests should not call this directly but use {@link BothStores},
 * which runs a test class once per store with a started Spring context.
 *
 * <p>PostgreSQL comes from {@code STAVE_TEST_PG_URL} when set, else from a server this JVM starts
 * once from the Maven Central binaries (as {@code nobody} when the JVM is root). It never skips: if
 * no server can be had, {@link #postgres(Path)} throws with the reason.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A SQLite store in {@code dataDir} (the file is created when Stave first opens it). */
  public static TestDatabase sqlite(Path dataDir) {
    return new TestDatabase(StoreKind.SQLITE, dataDir, null, null, null);
  }

  /**
   * A new, empty PostgreSQL database on the JVM-wide test server; {@code dataDir} holds what Stave
   * keeps beside the SQL store (search index, caches).
   */
  public static TestDatabase postgres(Path dataDir) {
    PostgresServer server = SharedPostgres.get();
    return new TestDatabase(
        StoreKind.POSTGRESQL, dataDir, server.createDatabase(), server.user(), server.password());
  }

  public static TestDatabase create(StoreKind kind, Path dataDir) {
    return switch (kind) {
      case SQLITE -> sqlite(dataDir);
      case POSTGRESQL -> postgres(dataDir);
    };
  }

  /** Like {@link #create(StoreKind, Path)} with a new temporary data directory. */
  public static TestDatabase create(StoreKind kind) {
    try {
      return create(
          kind,
          Files.createTempDirectory(
              "stave-test-" + kind.name().toLowerCase(java.util.Locale.ROOT)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops a PostgreSQL test database; a no-op for SQLite (its directory is the caller's). */
  public static void drop(TestDatabase db) {
    if (db.kind() == StoreKind.POSTGRESQL) {
      SharedPostgres.get().dropDatabase(db.jdbcUrl());
    }
  }
}
