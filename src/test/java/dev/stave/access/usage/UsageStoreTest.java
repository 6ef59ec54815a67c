package dev.stave.access.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.testsupport.BothStores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The meter's flushes add to the stored rows on both stores (the upsert adds, never overwrites),
 * and no increment is lost when flushes race the request threads.
 */
@BothStores
class UsageStoreTest {
  private final UsageMeter meter;
  private final UsageStore store;
  private final AppRegistry apps;

  UsageStoreTest(UsageMeter meter, UsageStore store, AppRegistry apps) {
    this.meter = meter;
    this.store = store;
    this.apps = apps;
  }

  private long stored(String clientId, String status) {
    return store.rows(clientId, 0, Long.MAX_VALUE).stream()
        .filter(r -> r.status().equals(status))
        .mapToLong(UsageStore.Row::requests)
        .sum();
  }

  @Test
  void flushesAddToTheStoredRows() {
    String id = apps.create("flushes add").clientId();
    meter.count(id, "jamendo", "tracks", "0", false);
    meter.count(id, "jamendo", "tracks", "0", false);
    meter.count(id, "jamendo", "tracks", "6", true);
    assertThat(meter.flush()).isGreaterThanOrEqualTo(2);
    meter.count(id, "jamendo", "tracks", "0", false);
    meter.flush();
    assertThat(meter.flush()).isZero(); // nothing new: no write at all

    assertThat(stored(id, "0")).isEqualTo(3);
    assertThat(stored(id, "6")).isEqualTo(1);
    assertThat(store.rows(id, 0, Long.MAX_VALUE))
        .filteredOn(r -> r.status().equals("6"))
        .singleElement()
        .satisfies(r -> assertThat(r.refused()).isEqualTo(1));
  }

  @Test
  void noIncrementIsLostWhileFlushesRun() throws Exception {
    String id = apps.create("racing flushes").clientId();
    int threads = 4;
    int each = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    for (int i = 0; i < each; i++) {
                      meter.count(id, "jamendo", "albums", "0", i % 10 == 0);
                    }
                  }));
    }
    AtomicBoolean done = new AtomicBoolean();
    Thread flusher =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get()) {
                    meter.flush();
                  }
                });
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    done.set(true);
    flusher.join();
    meter.flush();

    assertThat(stored(id, "0")).isEqualTo((long) threads * each);
    assertThat(store.rows(id, 0, Long.MAX_VALUE).stream().mapToLong(UsageStore.Row::refused).sum())
        .isEqualTo((long) threads * each / 10);
  }

  @Test
  void forgettingAnAppDropsItsRows() {
    String id = apps.create("forgotten").clientId();
    meter.count(id, "jamendo", "tracks", "0", false);
    meter.flush();
    assertThat(stored(id, "0")).isEqualTo(1);
    store.forget(id);
    assertThat(store.rows(id, 0, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void pruningDropsTheHoursBeforeTheCutOnly() {
    String id = apps.create("pruned").clientId();
    store.add(
        java.util.List.of(
            new UsageStore.Delta(new UsageKey(id, 10, "jamendo", "tracks", "0"), 2, 0),
            new UsageStore.Delta(new UsageKey(id, 11, "jamendo", "tracks", "0"), 3, 0)));
    store.prune(11);
    assertThat(store.rows(id, 0, Long.MAX_VALUE))
        .extracting(UsageStore.Row::hour)
        .containsExactly(11L);
  }
}
