package dev.stave.catalog;

import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What commit-ordering the change log ({@link ChangeLogWriter}) costs writers on PostgreSQL: small
 * write transactions (a track's counters, as every {@code setuser} favorite or like does) from
 * several threads at once, as throughput. Not a test (no timed assertion): run it by hand with
 * {@code -Dstave.bench=true}, on this code and on the code before, and compare. Figures:
 * docs/performance.md.
 */
class ChangeLogWriteBenchmark {
  private static final int THREADS = 8;
  private static final int WRITES_PER_THREAD = 1_000;
  private static final int TRACKS = 1_000;

  @TempDir Path dir;

  @Test
  void concurrentCounterWritesOnPostgres() throws Exception {
    assumeTrue(Boolean.getBoolean("stave.bench"), "a benchmark: run with -Dstave.bench=true");
    TestDatabase db = TestDatabases.postgres(dir);
    try (TestStore s = TestStores.postgres(db, THREADS)) {
      List<Track> tracks = new ArrayList<>();
      for (long id = 1; id <= TRACKS; id++) {
        tracks.add(track(id, null, List.of(1L), features()));
      }
      s.store().write(new CatalogBatch(List.of(artist(1, "Bench")), List.of(), tracks));
      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
          List<Future<?>> writers = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            writers.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        long id = ThreadLocalRandom.current().nextLong(1, TRACKS + 1);
                        s.store().adjustTrackStats(id, 1, 0, 0);
                      }
                      return null;
                    }));
          }
          for (Future<?> w : writers) {
            w.get();
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(
            "[bench] round %d: %d counter writes from %d threads in %.2f s: %.0f writes/s%n",
            round,
            THREADS * WRITES_PER_THREAD,
            THREADS,
            seconds,
            THREADS * WRITES_PER_THREAD / seconds);
      }
    } finally {
      TestDatabases.drop(db);
    }
  }
}
