package dev.stave.catalog;

import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity cache the faces render from (issue 15) never shows an entity older than the last
 * write: on the writing node at once, on another node (another store on the same database, as a
 * second server) once it follows the change log, and not even when reads race the writes. On SQLite
 * and on PostgreSQL.
 */
class EntityCacheTest {
  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  private TestStore open(TestStore s) {
    opened.add(s);
    return s;
  }

  @Test
  void sqliteNodesSeeEveryWrite() throws Exception {
    TestStore a = open(TestStores.sqlite(dir));
    TestStore b = open(TestStores.sqlite(dir));
    everyWriteIsSeen(a.store(), b.store());
  }

  @Test
  void postgresNodesSeeEveryWrite() throws Exception {
    TestDatabase db = TestDatabases.postgres(dir);
    opened.add(() -> TestDatabases.drop(db));
    TestStore a = open(TestStores.postgres(db, 4));
    TestStore b = open(TestStores.postgres(db, 4));
    everyWriteIsSeen(a.store(), b.store());
  }

  private void everyWriteIsSeen(CatalogStore nodeA, CatalogStore nodeB) throws Exception {
    EntityCache cacheA = new EntityCache(nodeA);
    EntityCache cacheB = new EntityCache(nodeB);
    opened.add(cacheA::destroy);
    opened.add(cacheB::destroy);
    nodeA.write(
        new CatalogBatch(
            List.of(artist(1, "Before")), List.of(), List.of(track(10, null, List.of(1L), null))));
    assertThat(cacheA.artists(List.of(1L))).extracting(Artist::name).containsExactly("Before");
    assertThat(cacheB.artists(List.of(1L))).extracting(Artist::name).containsExactly("Before");
    double popularity = cacheA.tracks(List.of(10L)).getFirst().popularity();
    assertThat(cacheB.tracks(List.of(10L))).hasSize(1);

    // a write on node A: node A's next read shows it, without following anything
    nodeA.write(new CatalogBatch(List.of(artist(1, "After")), List.of(), List.of()));
    assertThat(nodeA.adjustTrackStats(10, 1, 0, 0)).isTrue();
    assertThat(cacheA.artists(List.of(1L))).extracting(Artist::name).containsExactly("After");
    assertThat(cacheA.tracks(List.of(10L)).getFirst().popularity()).isGreaterThan(popularity);

    // node B learns it from the change log (its scheduler does this every second)
    cacheB.catchUp();
    assertThat(cacheB.artists(List.of(1L))).extracting(Artist::name).containsExactly("After");
    assertThat(cacheB.tracks(List.of(10L)).getFirst().popularity()).isGreaterThan(popularity);

    // reads racing writes on the same node never leave an old name cached
    AtomicBoolean writing = new AtomicBoolean(true);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(
            pool.submit(
                () -> {
                  while (writing.get()) {
                    cacheA.artists(List.of(1L));
                  }
                  return null;
                }));
      }
      for (int v = 0; v < 100; v++) {
        nodeA.write(new CatalogBatch(List.of(artist(1, "Version " + v)), List.of(), List.of()));
      }
      writing.set(false);
      for (Future<?> r : readers) {
        r.get();
      }
    }
    assertThat(cacheA.artists(List.of(1L))).extracting(Artist::name).containsExactly("Version 99");
    cacheB.catchUp();
    assertThat(cacheB.artists(List.of(1L))).extracting(Artist::name).containsExactly("Version 99");
  }
}
