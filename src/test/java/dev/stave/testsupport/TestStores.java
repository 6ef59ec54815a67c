package dev.stave.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stave.catalog.CatalogStore;
import dev.stave.config.StaveProperties;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A catalog store on a fresh SQLite file (or PostgreSQL database), migrated by Flyway, without a
 * Spring context: the cheapest way for core tests to get the real store (same statements, same
 * schema).
 */
public final class TestStores {
  private TestStores() {}

  /** An open store in {@code dataDir}; close it to release the connection pool. */
  public record TestStore(Path dataDir, HikariDataSource dataSource, CatalogStore store)
      implements AutoCloseable {

    public StaveProperties properties() {
      return new StaveProperties(
          dataDir, "http://localhost:8080", new StaveProperties.Db(null, null, null, 4));
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }

  public static TestStore sqlite(Path dataDir) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(30_000);
    config.enforceForeignKeys(true);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("stave.db").toAbsolutePath());
    HikariConfig hikari = new HikariConfig();
    hikari.setDataSource(sqlite);
    hikari.setMaximumPoolSize(4);
    return migrated(dataDir, new HikariDataSource(hikari), false);
  }

  /**
   * Another open store on {@code db}'s PostgreSQL database, with a pool of its own: what a second
   * server process sees of the same database. The first call migrates the database.
   */
  public static TestStore postgres(TestDatabase db, int poolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(db.jdbcUrl());
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(poolSize);
    return migrated(db.dataDir(), new HikariDataSource(hikari), true);
  }

  /** Migrates the store behind {@code ds} with Flyway, as the server does, and opens it. */
  private static TestStore migrated(Path dataDir, HikariDataSource ds, boolean postgres) {
    Flyway.configure()
        .dataSource(ds)
        .locations(
            "classpath:db/migration/common",
            postgres ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite")
        .placeholders(dev.stave.config.FlywayPlaceholders.forDatabase(postgres))
        .load()
        .migrate();
    CatalogStore store =
        new CatalogStore(
            new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
    return new TestStore(dataDir, ds, store);
  }
}
