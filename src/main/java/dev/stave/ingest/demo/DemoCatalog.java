package dev.stave.ingest.demo;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogIndexes;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.CrashPoint;
import dev.stave.catalog.Track;
import dev.stave.catalog.WriteCounts;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes a {@link DemoGenerator demo catalog} into a store. Idempotent and resumable: batches are
 * written in order, one transaction each, so after an interruption the stored batches form a
 * prefix; a run finds where that prefix ends (binary search on each batch's last track, recognised
 * by its seed-derived UUID) and generates only the rest. {@code rewriteAll} instead passes every
 * batch through the store's idempotent upsert, which repairs a catalog edited since.
 *
 * <p>Generation of the next batch overlaps the write of the current one (two cores: one generates,
 * one runs SQLite).
 *
 * <p>Given {@link CatalogIndexes}, a run into an empty SQLite catalog is a bulk load: the secondary
 * indexes are set aside before the first batch and made after the last, one sorted pass each. A run
 * that finds them missing (an earlier bulk load was killed) continues the bulk load; resuming needs
 * none of them, as stored batches are recognised by primary key.
 */
public final class DemoCatalog {
  private final CatalogStore store;
  private final LibraryStore library;
  private final CatalogIndexes indexes;
  private int holdAfterBatch;

  /** Writes the catalog only, without its listeners. */
  public DemoCatalog(CatalogStore store) {
    this(store, null);
  }

  /**
   * Writes the catalog and then its {@link DemoLibrary listeners} (when {@code library} is set).
   */
  public DemoCatalog(CatalogStore store, LibraryStore library) {
    this(store, library, null);
  }

  /**
   * Writes the catalog and its listeners (when {@code library} is set), into an empty catalog as a
   * bulk load when {@code indexes} is set: the {@link CatalogIndexes deferrable indexes} are set
   * aside while the rows go in and made again at the end (also when this run resumes a bulk load
   * that was interrupted).
   */
  public DemoCatalog(CatalogStore store, LibraryStore library, CatalogIndexes indexes) {
    this.store = store;
    this.library = library;
    this.indexes = indexes;
  }

  /**
   * Makes the run stop at the {@link CrashPoint} after committing its {@code n}-th batch (counted
   * from 1 within this run), for crash tests; 0 (the default) never stops.
   */
  public DemoCatalog holdAfterBatch(int n) {
    this.holdAfterBatch = n;
    return this;
  }

  /**
   * Seeds (or completes) the demo catalog of {@code tracks} tracks for {@code seed}: what the
   * {@code serve} command calls on an empty data directory. Call every {@code ChangeFollower}'s
   * catchUp() afterwards so projections such as the search index see the catalog.
   */
  public static DemoReport seed(
      CatalogStore store, int tracks, long seed, ProgressListener listener) {
    return new DemoCatalog(store).write(new DemoGenerator(tracks, seed), false, listener);
  }

  /** {@link #seed(CatalogStore, int, long, ProgressListener)} with the demo's users too. */
  public static DemoReport seed(
      CatalogStore store, LibraryStore library, int tracks, long seed, ProgressListener listener) {
    return new DemoCatalog(store, library).write(new DemoGenerator(tracks, seed), false, listener);
  }

  /**
   * Writes the catalog {@code gen} describes, skipping the batches an earlier run stored (unless
   * {@code rewriteAll}).
   *
   * @throws IllegalStateException when the store already holds a different catalog (other seed or
   *     another source) under the ids the demo would use
   */
  public DemoReport write(DemoGenerator gen, boolean rewriteAll, ProgressListener listener) {
    return writeInStoredScheme(inSchemeOfStored(gen), rewriteAll, listener);
  }

  /**
   * {@code gen} in the UUID scheme the stored catalog was made with: a catalog made before the
   * {@link UuidScheme#ID_ORDERED ordered} scheme is recognised by its first track and completed in
   * its own scheme.
   */
  private DemoGenerator inSchemeOfStored(DemoGenerator gen) {
    DemoGenerator scattered = gen.withUuids(UuidScheme.SCATTERED);
    return !gen.batches().isEmpty() && isOurs(scattered, 1) ? scattered : gen;
  }

  private DemoReport writeInStoredScheme(
      DemoGenerator gen, boolean rewriteAll, ProgressListener listener) {
    long started = System.nanoTime();
    long processCpuBefore = processCpuNanos();
    List<DemoGenerator.BatchSpec> batches = gen.batches();
    long tracksBefore = store.count("tracks");
    long albumsBefore = store.count("albums");
    long artistsBefore = store.count("artists");
    if (tracksBefore > 0 && !batches.isEmpty() && !isOurs(gen, 1) && !rewriteAll) {
      throw new IllegalStateException(
          "the data directory already holds a catalog that is not the demo catalog of seed "
              + gen.seed()
              + "; use an empty data directory (or the same seed)");
    }
    boolean bulk = indexes != null && indexes.setAsideForBulkLoad();
    int first = rewriteAll ? 0 : firstMissing(gen);
    long skipped = first == 0 ? 0 : batches.get(first - 1).lastTrackId();
    long written = 0;
    long updated = 0;
    long storeCpu = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    listener.progress(skipped, gen.totalTracks());
    try (ExecutorService generator = Executors.newSingleThreadExecutor(DemoCatalog::daemon)) {
      CompletableFuture<CatalogBatch> next =
          first < batches.size() ? generate(generator, gen, first) : null;
      for (int b = first; b < batches.size(); b++) {
        CatalogBatch batch = next.join();
        next = b + 1 < batches.size() ? generate(generator, gen, b + 1) : null;
        long cpu = threads.getCurrentThreadCpuTime();
        WriteCounts counts = store.write(batch);
        storeCpu += threads.getCurrentThreadCpuTime() - cpu;
        updated += counts.updated();
        written += batch.tracks().size();
        listener.progress(batches.get(b).lastTrackId(), gen.totalTracks());
        if (b - first + 1 == holdAfterBatch) {
          CrashPoint.holdUntilKilled("demo batch " + (b + 1) + " committed");
        }
      }
    }
    if (library != null) {
      updated += writeListeners(gen);
    }
    long indexStarted = System.nanoTime();
    List<String> remade = bulk ? indexes.restore(name -> {}) : List.of();
    Duration indexTime = Duration.ofNanos(remade.isEmpty() ? 0 : System.nanoTime() - indexStarted);
    return new DemoReport(
        gen.totalTracks(),
        store.count("tracks") - tracksBefore,
        store.count("albums") - albumsBefore,
        store.count("artists") - artistsBefore,
        skipped,
        written,
        updated,
        Duration.ofNanos(System.nanoTime() - started),
        Duration.ofNanos(Math.max(0, storeCpu)),
        Duration.ofNanos(Math.max(0, processCpuNanos() - processCpuBefore)),
        remade.size(),
        indexTime);
  }

  /** CPU time of the whole process (every thread: generator, writer, collector, compiler). */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /**
   * Writes the demo's users with their playlists, reviews and relations, {@link DemoLibrary#CHUNK}
   * users at a time. Every write is an idempotent upsert, so a second run changes nothing and a run
   * after an interruption completes what is missing. Returns the entities updated.
   */
  private long writeListeners(DemoGenerator gen) {
    DemoLibrary listeners = new DemoLibrary(gen);
    long updated = 0;
    for (int from = 0; from < listeners.users(); from += DemoLibrary.CHUNK) {
      DemoLibrary.Output out = listeners.generate(from, from + DemoLibrary.CHUNK);
      updated += store.write(LibraryTables.USERS, out.users()).updated();
      updated += store.write(LibraryTables.PLAYLISTS, out.playlists()).updated();
      updated += store.write(LibraryTables.REVIEWS, out.reviews()).updated();
      updated += library.write(out.relations()).updated();
    }
    return updated;
  }

  private static CompletableFuture<CatalogBatch> generate(
      ExecutorService executor, DemoGenerator gen, int index) {
    return CompletableFuture.supplyAsync(() -> gen.batch(index), executor);
  }

  /** Index of the first batch not yet stored; stored batches always form a prefix. */
  private int firstMissing(DemoGenerator gen) {
    List<DemoGenerator.BatchSpec> batches = gen.batches();
    int lo = 0;
    int hi = batches.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (isOurs(gen, batches.get(mid).lastTrackId())) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean isOurs(DemoGenerator gen, long trackId) {
    List<Track> found = store.findTracks(List.of(trackId));
    return !found.isEmpty() && gen.trackUuid(trackId).equals(found.get(0).uuid());
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "demo-generator");
    t.setDaemon(true);
    return t;
  }
}
