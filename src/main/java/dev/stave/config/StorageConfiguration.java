package dev.stave.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Chooses the SQL store: PostgreSQL when {@code stave.db.url} is set, otherwise an embedded SQLite
 * file {@code stave.db} in the data directory (WAL journal, synchronous=NORMAL, which in WAL mode
 * keeps every committed transaction across a process kill).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {
  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean(destroyMethod = "close")
  DataSource dataSource(StaveProperties props) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("stave-db");
    if (props.db().postgres()) {
      hikari.setJdbcUrl(props.db().url());
      hikari.setUsername(props.db().user());
      hikari.setPassword(props.db().password());
      hikari.setMaximumPoolSize(props.db().poolSize());
      log.info("Catalog store: PostgreSQL at {}", props.db().url());
      return new HikariDataSource(hikari);
    }
    Path dir = props.dataDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
    Path file = dir.resolve("stave.db").toAbsolutePath();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(30_000);
    // Writers take the write lock when their transaction begins, so concurrent writers wait for
    // each other (busy timeout) instead of failing when a read lock cannot be upgraded.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // 64 MiB page cache per connection. A bulk load needs no more: its rows and their uuid indexes
    // grow at their ends (ordered ids and UUIDs), and a 3M-track demo load measured faster with
    // 64 MiB than with a cache sized to its uuid indexes (docs/performance.md).
    config.setCacheSize(-65_536);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file);
    hikari.setDataSource(sqlite);
    // Checkpoint the WAL every 64 MiB instead of every 4 MiB: bulk imports copy pages into the
    // database file (and fsync) a sixteenth as often; readers are unaffected.
    hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint=16384");
    hikari.setMaximumPoolSize(props.db().poolSize());
    log.info("Catalog store: SQLite at {}", file);
    return new HikariDataSource(hikari);
  }
}
