package dev.stave.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's UUIDs in the store: a new catalog's UUIDs ascend with the ids in every table (so a
 * bulk load appends to each uuid index), and a catalog made with the earlier, scattered UUIDs is
 * recognised and completed in its own scheme, so upgrading Stave never turns a half-loaded demo
 * catalog into "not the demo catalog".
 */
class DemoUuidSchemeTest {
  private static final int TRACKS = 3_000;
  private static final long SEED = 7;
  private static final int BATCH = 500;

  @TempDir Path dir;
  private TestStore db;
  private JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    db = TestStores.sqlite(dir);
    jdbc = new JdbcTemplate(db.dataSource());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aNewCatalogsUuidsAscendWithTheIdsOfEveryTable() {
    new DemoCatalog(db.store()).write(new DemoGenerator(TRACKS, SEED), false, (d, t) -> {});

    for (String table : List.of("tracks", "albums", "artists")) {
      List<String> uuids =
          jdbc.queryForList("SELECT uuid FROM " + table + " ORDER BY id", String.class);
      assertThat(uuids).as(table).hasSizeGreaterThan(10).isSorted();
      assertThat(uuids)
          .as(table)
          .allSatisfy(u -> assertThat(UUID.fromString(u).version()).isEqualTo(8));
    }
  }

  @Test
  void aCatalogWithScatteredUuidsIsCompletedInItsOwnScheme() {
    DemoGenerator before = new DemoGenerator(TRACKS, SEED, BATCH).withUuids(UuidScheme.SCATTERED);
    new DemoCatalog(db.store()).write(before, false, (d, t) -> {});
    // An interrupted load: only the batches up to the second are stored.
    long kept = before.batches().get(1).lastTrackId();
    jdbc.update("DELETE FROM tracks WHERE id > ?", kept);

    DemoReport resumed =
        new DemoCatalog(db.store())
            .write(new DemoGenerator(TRACKS, SEED, BATCH), false, (d, t) -> {});

    assertThat(resumed.tracksSkipped()).isEqualTo(kept);
    assertThat(resumed.tracksWritten()).isEqualTo(TRACKS - kept);
    List<String> stored = jdbc.queryForList("SELECT uuid FROM tracks ORDER BY id", String.class);
    assertThat(stored).hasSize(TRACKS);
    for (int id = 1; id <= TRACKS; id++) {
      assertThat(stored.get(id - 1)).isEqualTo(before.trackUuid(id).toString());
    }
    DemoReport again =
        new DemoCatalog(db.store())
            .write(new DemoGenerator(TRACKS, SEED, BATCH), false, (d, t) -> {});
    assertThat(again.tracksWritten()).isZero();
    assertThat(db.store().findTracks(List.of(1L)).get(0).uuid()).isEqualTo(before.trackUuid(1));
  }
}
