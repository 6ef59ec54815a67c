package dev.stave.cli;

import dev.stave.config.StaveProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes the first-run steps of {@code serve} (seed the demo catalog, the default radios, the demo
 * app) one at a time across servers that start together on one PostgreSQL database: without it,
 * both would find the catalog empty and seed it, and each could create its own demo app. The first
 * server does the work; the next one, once it gets the lock, finds it done.
 *
 * <p>A session-level advisory lock, held on a connection of its own: PostgreSQL frees it if the
 * holder dies. On SQLite a data directory has one server, so there is nothing to hold.
 */
final class FirstRunLock implements AutoCloseable {
  /** The lock's key, one number per database: "STAVE1ST" in ASCII. */
  static final long KEY = 0x5354_4156_4531_5354L;

  private final Connection connection;

  private FirstRunLock(Connection connection) {
    this.connection = connection;
  }

  /** Waits until no other server of this database runs its first-run steps, then holds the lock. */
  static FirstRunLock acquire(DataSource dataSource, StaveProperties props) throws SQLException {
    if (!props.db().postgres()) {
      return new FirstRunLock(null);
    }
    Connection c = dataSource.getConnection();
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      lock.execute();
      return new FirstRunLock(c);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection == null) {
      return;
    }
    // Unlocked explicitly: closing only returns the connection to the pool, and its session
    // (which owns the lock) lives on there.
    try (connection;
        PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    }
  }
}
