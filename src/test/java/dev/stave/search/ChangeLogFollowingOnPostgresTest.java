package dev.stave.search;

import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.Change;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index follows the change log of one PostgreSQL database written by two servers at once
 * (two stores with pools of their own, as two nodes have), while it catches up as fast as it can.
 * Before the change log was commit-ordered, a follower could read sequence N+1 of one writer before
 * N of the other had committed, move past N, and never index that change.
 */
class ChangeLogFollowingOnPostgresTest {
  private static final int WRITERS_PER_NODE = 4;
  private static final int WRITES_PER_WRITER = 60;

  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T open(T c) {
    opened.add(c);
    return c;
  }

  @Test
  void theIndexSeesEveryChangeOfConcurrentWritersOnTwoNodes() throws Exception {
    TestDatabase db = TestDatabases.postgres(dir);
    opened.add(() -> TestDatabases.drop(db));
    TestStore nodeA = open(TestStores.postgres(db, WRITERS_PER_NODE + 2));
    TestStore nodeB = open(TestStores.postgres(db, WRITERS_PER_NODE));
    SearchIndex index = open(new SearchIndex(nodeA.store(), nodeA.properties(), false));
    index.open();

    AtomicBoolean writing = new AtomicBoolean(true);
    Set<Long> written = new HashSet<>();
    Set<Long> seenByReader;
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      // the change log's contract, read as tightly as a follower can: every row, in seq order
      Future<Set<Long>> reader =
          pool.submit(
              () -> {
                Set<Long> seen = new HashSet<>();
                long seq = 0;
                while (true) {
                  boolean last = !writing.get(); // one more read after the writers are done
                  for (Change c : nodeB.store().changesAfter(seq, 1_000)) {
                    seen.add(c.seq());
                    seq = c.seq();
                  }
                  if (last) {
                    return seen;
                  }
                }
              });
      Future<Integer> follower =
          pool.submit(
              () -> {
                int catchUps = 0;
                while (writing.get()) {
                  index.catchUp();
                  catchUps++;
                }
                return catchUps;
              });
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
        TestStore node = w % 2 == 0 ? nodeA : nodeB;
        long first = 1_000_000L * (w + 1);
        LongStream.range(first, first + WRITES_PER_WRITER).forEach(written::add);
        writers.add(
            pool.submit(
                () -> {
                  for (long id = first; id < first + WRITES_PER_WRITER; id++) {
                    // an artist and its track in one transaction: two change-log rows apart
                    node.store()
                        .write(
                            new CatalogBatch(
                                List.of(artist(id, "Artist " + id)),
                                List.of(),
                                List.of(track(id, null, List.of(id), features()))));
                  }
                  return null;
                }));
      }
      for (Future<?> w : writers) {
        w.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      writing.set(false);
      System.err.printf(
          "[change log] %d concurrent writes on two nodes in %.2f s (%.0f writes/s) while the"
              + " index caught up %d times%n",
          written.size(), seconds, written.size() / seconds, follower.get());
      seenByReader = reader.get();
    }

    Set<Long> unseen = new HashSet<>();
    nodeA.store().changesAfter(0, Integer.MAX_VALUE).forEach(c -> unseen.add(c.seq()));
    unseen.removeAll(seenByReader);
    assertThat(unseen)
        .as("change-log rows that a reader following past its last seq never saw")
        .isEmpty();

    index.catchUp();
    assertThat(index.appliedSeq()).isEqualTo(nodeA.store().lastChangeSeq());
    List<Long> indexed =
        new CatalogSearch(index)
            .tracks(TrackQuery.builder().ids(written).page(0, written.size()).build())
            .ids();
    Set<Long> missing = new HashSet<>(written);
    indexed.forEach(missing::remove);
    assertThat(missing).as("tracks written but never indexed").isEmpty();
  }
}
