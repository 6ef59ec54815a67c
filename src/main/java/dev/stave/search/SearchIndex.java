package dev.stave.search;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Change;
import dev.stave.catalog.ChangeFollower;
import dev.stave.catalog.ProjectionBusyException;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Lucene index under {@code <data-dir>/index}: a projection of the SQL store (one
 * document per track, album and artist) that answers every catalog read.
 *
 * <p>Kept current by following the store's change log: {@link #catchUp()} re-projects whatever
 * changed since the sequence number recorded in the last commit. {@link #rebuild} re-projects
 * everything into a new generation directory and swaps it in atomically (see {@link
 * IndexLocation}). At start-up a missing index, or one written with another {@link
 * IndexFields#SCHEMA_VERSION}, is rebuilt; then the index catches up, and keeps doing so every
 * second while the application runs.
 *
 * <p>Set {@code stave.search.auto-start=false} to keep the lifecycle from opening the index (the
 * {@code stave index} command does, so that it does not build twice); the index then opens on first
 * use.
 */
@Component
public class SearchIndex implements ChangeFollower, SmartLifecycle, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
  private static final int PAGE = 1_000;
  private static final int CHANGE_BATCH = 10_000;
  private static final long CATCH_UP_PERIOD_MS = 1_000;

  /** Fewer changes behind than this are always caught up, never rebuilt (see farBehind). */
  private static final long REBUILD_BACKLOG = 50_000;

  /** Documents between two checkpoint commits of a build (what an interruption can cost). */
  public static final long DEFAULT_CHECKPOINT_DOCUMENTS = 1_000_000;

  private final CatalogStore store;
  private final IndexLocation location;
  private final boolean autoStart;

  /** Indexing threads of a build; the SQL reads run on the caller's thread meanwhile. */
  private final int buildThreads;

  private final long checkpointDocuments;

  /** Serialises every write to the live index: catch-ups, opening, swapping in a rebuild. */
  private final ReentrantLock writeLock = new ReentrantLock();

  /** One rebuild at a time; catch-ups keep running against the live index meanwhile. */
  private final ReentrantLock rebuildLock = new ReentrantLock();

  private volatile Live live;
  private volatile boolean closing;
  private ScheduledExecutorService scheduler;

  public SearchIndex(CatalogStore store, StaveProperties props, boolean autoStart) {
    this(store, props, autoStart, 0, DEFAULT_CHECKPOINT_DOCUMENTS);
  }

  /**
   * @param buildThreads indexing threads of a build; 0: one per core (at most 8)
   * @param checkpointDocuments documents between two checkpoint commits of a build
   */
  @Autowired
  public SearchIndex(
      CatalogStore store,
      StaveProperties props,
      @Value("${stave.search.auto-start:true}") boolean autoStart,
      @Value("${stave.search.build.threads:0}") int buildThreads,
      @Value("${stave.search.build.checkpoint-documents:" + DEFAULT_CHECKPOINT_DOCUMENTS + "}")
          long checkpointDocuments) {
    this.store = store;
    this.location = new IndexLocation(props.dataDir().resolve("index"));
    this.autoStart = autoStart;
    this.buildThreads =
        buildThreads > 0
            ? buildThreads
            : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    this.checkpointDocuments = Math.max(1, checkpointDocuments);
  }

  /** The writer and near-real-time searchers of one generation, and the seq it covers. */
  private record Live(
      Path path, Directory directory, IndexWriter writer, SearcherManager searchers, AtomicLong seq)
      implements AutoCloseable {

    static Live open(Path path) throws IOException {
      Directory dir = FSDirectory.open(path);
      try {
        IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.APPEND));
        SearcherManager searchers = new SearcherManager(writer, null);
        long seq = Long.parseLong(writer.getLiveCommitData() == null ? "0" : seqOf(writer));
        return new Live(path, dir, writer, searchers, new AtomicLong(seq));
      } catch (IOException | RuntimeException e) {
        dir.close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      try (directory;
          writer;
          searchers) {
        // Closing order is reversed: searchers, then writer (uncommitted work is dropped, every
        // applied change is committed with its seq), then the directory.
      }
    }
  }

  private static String seqOf(IndexWriter writer) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (IndexFields.COMMIT_SEQ.equals(e.getKey())) {
        return e.getValue();
      }
    }
    return "0";
  }

  static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(Names.indexAnalyzer());
    config.setOpenMode(mode);
    // Only explicit commits count: they carry the change-log seq they cover.
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(64);
    if (maxSegmentMb() > 0) {
      // The live writer too, so that its merges do not join the segments a capped build left.
      config.setMergePolicy(new TieredMergePolicy().setMaxMergedSegmentMB(maxSegmentMb()));
    }
    return config;
  }

  /**
   * The writer of a build. Profiled on a 100,000-track build, about two thirds of the CPU went to
   * the nearest-neighbour graph (HNSW): inserting each vector while indexing, then again in every
   * merge (the final merge to one segment was half of the wall time at 1M). So: a larger in-memory
   * buffer than the live writer's (fewer, larger flushed segments), up to an eighth of the heap,
   * one merge thread per core, and the graph merge on {@code graphMerges}, a pool of one worker per
   * core that the build owns. The pool is given to the vector format itself because the merge
   * scheduler's intra-merge executor, Lucene's default, only lends threads the scheduler is not
   * using: a thread dump of the 1M final merge showed its second worker running on the merge
   * thread, one core for the whole graph (docs/performance.md, issue 15 item 4). Deferring every
   * merge to the final one is off unless {@code -Dstave.search.build.defer-merges=true}.
   */
  private IndexWriterConfig buildConfig(
      IndexWriterConfig.OpenMode mode, int workers, ExecutorService graphMerges) {
    IndexWriterConfig config = writerConfig(mode);
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    config.setRAMBufferSizeMB(
        Long.getLong("stave.search.build.ram-mb", Math.max(64, Math.min(512, heapMb / 8))));
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
    merges.setMaxMergesAndThreads(cores + 4, cores);
    config.setMergeScheduler(merges);
    if (Boolean.getBoolean("stave.search.build.defer-merges")) {
      // No merges while the documents go in, one at the end (the forced merge to one segment):
      // each intermediate merge would insert its vectors into a new graph again.
      config.setMergePolicy(
          new FilterMergePolicy(new TieredMergePolicy()) {
            @Override
            public MergeSpecification findMerges(
                MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
              return null;
            }
          });
    }
    config.setCodec(
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            // The build's own graph parameters (BUILD_BEAM_WIDTH) and merge pool; any reader
            // reads the graph whatever they were, and the live writer keeps Lucene's defaults.
            return graphMerges != null
                ? new Lucene99HnswVectorsFormat(
                    Integer.getInteger(
                        "stave.search.graph.max-conn", Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN),
                    Integer.getInteger("stave.search.graph.beam-width", BUILD_BEAM_WIDTH),
                    workers,
                    graphMerges)
                : super.getKnnVectorsFormatForField(field);
          }
        });
    return config;
  }

  /**
   * Candidates a build keeps while linking each vector into the graph (Lucene's default is 100).
   * Measured on the 1M demo catalog (docs/performance.md, issue 15 item 4; {@code
   * GraphRecallBenchmark}): 100 took 507 s of CPU for the build with recall@10 0.995 against an
   * exact scan; 32 took 255 s with recall@10 0.985; 24 with 12 links per node 226 s but 0.956. Half
   * the build for one neighbour in a hundred: 32. Searches are unchanged (0.6 ms median).
   */
  static final int BUILD_BEAM_WIDTH = 32;

  /**
   * A cap on the index's segments in MB ({@code -Dstave.search.build.max-segment-mb=N}), 0 for none
   * (a build leaves one segment). Lucene clears a visited set the size of the whole graph before
   * each vector it inserts, so merging n vectors into one graph costs O(n) per vector
   * (docs/performance.md, issue 15 item 4); capped segments bound that cost, and each query then
   * searches several graphs.
   *
   * <p>Default 1,500 MB, measured on the 10M demo catalog (index 4.2 GB, five segments): the build
   * 1,645 s instead of 2,380 s (final merge 339 s instead of 1,313 s), no full GC in 4 GB where one
   * segment needed 3.4 GB live, and the same CPU per similar-tracks call in process (23.7 ms). An
   * index under 1.5 GB (about 3.5M tracks) still ends in one segment; at 1M, segments of 150 MB
   * cost similar tracks a fifth more, which is why the cap is not smaller.
   */
  static final long DEFAULT_MAX_SEGMENT_MB = 1_500;

  private static long maxSegmentMb() {
    return Long.getLong("stave.search.build.max-segment-mb", DEFAULT_MAX_SEGMENT_MB);
  }

  /** Segments the final merge leaves: one, or as many as the cap needs for the index's size. */
  private static int finalSegments(Directory dir) throws IOException {
    long cap = maxSegmentMb() * 1024 * 1024;
    if (cap <= 0) {
      return 1;
    }
    long bytes = 0;
    for (String file : dir.listAll()) {
      try {
        bytes += dir.fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // merged away while we listed
      }
    }
    return (int) Math.max(1, (bytes + cap - 1) / cap);
  }

  /** One worker per core (or {@code stave.search.build.merge-workers}); none on one core. */
  private static int graphMergeWorkers() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    return Integer.getInteger("stave.search.build.merge-workers", cores);
  }

  private static ExecutorService graphMergePool(int workers) {
    if (workers <= 1) {
      return null;
    }
    return Executors.newFixedThreadPool(
        workers, Thread.ofPlatform().daemon().name("stave-index-graph-merge-", 1).factory());
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start() {
    if (!autoStart) {
      return;
    }
    open();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stave-index-catch-up");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        this::catchUpQuietly, CATCH_UP_PERIOD_MS, CATCH_UP_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    close();
  }

  @Override
  public boolean isRunning() {
    return live != null;
  }

  /** Opened before the web server starts taking requests, closed after it stops. */
  @Override
  public int getPhase() {
    return 0;
  }

  /**
   * Opens the index: rebuilds it first when it is missing or has another schema version, then
   * catches up with the change log. Idempotent.
   */
  public void open() {
    open(ProgressListener.NONE);
  }

  /**
   * {@link #open()}, reporting the progress of a build when it has to build (a missing index,
   * another schema version, or one so far behind the change log that building afresh on every core
   * is faster than re-projecting each change: a bulk import into an existing catalog).
   */
  public void open(ProgressListener progress) {
    writeLock.lock();
    try {
      if (live != null) {
        return;
      }
      closing = false;
      Path current = location.current();
      String reason =
          current == null
              ? "missing"
              : !isUsable(current) ? "has another schema version" : farBehind(current);
      if (reason != null) {
        log.info("Search index {}: building it from the catalog", reason);
        current = build(progress).path;
        location.switchTo(current);
      }
      live = Live.open(current);
      location.deleteAllBut(current);
      catchUpLocked();
    } catch (LockObtainFailedException e) {
      throw new ProjectionBusyException(
          "the search index in " + location.root() + " is open in another Stave process", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + location.root(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Why {@code generation} should be rebuilt rather than caught up, or null: more changes behind
   * than a quarter of its documents (and at least {@link #REBUILD_BACKLOG}). Re-projecting a change
   * reads its record and its relations and replaces one document on one thread, several times the
   * cost per document of a build, which reads in id order and indexes on every core.
   */
  private String farBehind(Path generation) {
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      String seq = reader.getIndexCommit().getUserData().get(IndexFields.COMMIT_SEQ);
      long behind = store.lastChangeSeq() - (seq == null ? 0 : Long.parseLong(seq));
      return behind >= REBUILD_BACKLOG && behind > reader.numDocs() / 4
          ? behind + " changes behind the catalog"
          : null;
    } catch (IOException | RuntimeException e) {
      return null; // opening it will tell what is wrong
    }
  }

  private static boolean isUsable(Path generation) {
    try (Directory dir = FSDirectory.open(generation)) {
      if (!DirectoryReader.indexExists(dir)) {
        return false;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      return String.valueOf(IndexFields.SCHEMA_VERSION).equals(data.get(IndexFields.COMMIT_SCHEMA))
          && !data.containsKey(IndexFields.COMMIT_BUILD_CHECKPOINT);
    } catch (IOException e) {
      log.warn(
          "Search index in {} is unreadable ({}); it will be rebuilt", generation, e.toString());
      return false;
    }
  }

  /**
   * Closes the index; an ongoing rebuild notices and abandons its new generation. Spring calls this
   * on context shutdown (Ctrl-C included).
   */
  @Override
  public void close() {
    closing = true;
    writeLock.lock();
    try {
      if (live != null) {
        live.close();
        live = null;
      }
    } catch (IOException e) {
      log.warn("Closing the search index failed", e);
    } finally {
      writeLock.unlock();
    }
  }

  /** The change-log seq the live index covers (0 when not open). */
  public long appliedSeq() {
    Live l = live;
    return l == null ? 0 : l.seq.get();
  }

  /**
   * The live generation, its document count and size on disk (the operator console). Opens the
   * index when it is not open yet, as any read does.
   */
  public IndexStatus status() {
    long documents = withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    Live l = live;
    long bytes = 0;
    String generation = null;
    if (l != null) {
      generation = l.path.getFileName().toString();
      try (Stream<Path> files = Files.list(l.path)) {
        bytes =
            files
                .filter(Files::isRegularFile)
                .mapToLong(
                    f -> {
                      try {
                        return Files.size(f);
                      } catch (IOException e) {
                        return 0; // a segment file merged away while we listed
                      }
                    })
                .sum();
      } catch (IOException e) {
        log.warn("Cannot measure the search index in {}: {}", l.path, e.toString());
      }
    }
    return new IndexStatus(generation, documents, bytes, appliedSeq(), store.lastChangeSeq());
  }

  // ---------------------------------------------------------------- reads

  /** A searcher call; the searcher must not escape it. */
  @FunctionalInterface
  interface SearcherCall<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  <T> T withSearcher(SearcherCall<T> call) {
    while (true) {
      Live l = live;
      if (l == null) {
        open();
        continue;
      }
      IndexSearcher searcher;
      try {
        searcher = l.searchers.acquire();
      } catch (AlreadyClosedException e) {
        // A rebuild swapped generations between reading `live` and acquiring: use the new one.
        if (live == l) {
          throw e;
        }
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("search failed", e);
      }
      try {
        return call.apply(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException("search failed", e);
      } finally {
        release(l, searcher);
      }
    }
  }

  private static void release(Live l, IndexSearcher searcher) {
    try {
      l.searchers.release(searcher);
    } catch (IOException e) {
      log.warn("Releasing a searcher failed", e);
    }
  }

  // ---------------------------------------------------------------- catch-up

  @Override
  public void catchUp() {
    if (live == null) {
      open(); // opening catches up
      return;
    }
    writeLock.lock();
    try {
      catchUpLocked();
    } catch (IOException e) {
      throw new UncheckedIOException("search index catch-up failed", e);
    } finally {
      writeLock.unlock();
    }
  }

  private void catchUpQuietly() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      // The next tick retries; the change log keeps every change until then.
      log.warn("Search index catch-up failed: {}", e.toString());
    }
  }

  private void catchUpLocked() throws IOException {
    Live l = live;
    if (l == null) {
      return;
    }
    l = followPointer(l);
    long seq = l.seq.get();
    long applied = applyChanges(l.writer, seq);
    if (applied != seq) {
      l.seq.set(applied);
      l.searchers.maybeRefreshBlocking();
    }
  }

  /**
   * Switches to the generation {@code CURRENT} names when another process (the {@code stave index
   * rebuild} command) replaced it; that process leaves our old generation alone, we delete it.
   */
  private Live followPointer(Live l) throws IOException {
    Path current = location.current();
    if (current == null || current.equals(l.path) || !isUsable(current)) {
      return l;
    }
    log.info("Search index rebuilt by another process; switching to {}", current);
    Live fresh = Live.open(current);
    live = fresh;
    l.close();
    location.deleteAllBut(current);
    return fresh;
  }

  /**
   * Applies every change after {@code seq} to {@code writer}, committing after each batch with the
   * seq it reached (so a crash loses no more than the batch in progress, which is re-applied).
   * Returns the last applied seq.
   */
  private long applyChanges(IndexWriter writer, long seq) throws IOException {
    while (true) {
      List<Change> changes = store.changesAfter(seq, CHANGE_BATCH);
      if (changes.isEmpty()) {
        return seq;
      }
      reproject(writer, changes);
      seq = changes.get(changes.size() - 1).seq();
      commit(writer, seq);
    }
  }

  private void reproject(IndexWriter writer, List<Change> changes) throws IOException {
    Set<Long> trackIds = new LinkedHashSet<>();
    Set<Long> albumIds = new LinkedHashSet<>();
    Set<Long> artistIds = new LinkedHashSet<>();
    for (Change c : changes) {
      switch (c.kind()) {
        case DocumentProjector.TRACK -> trackIds.add(c.id());
        case DocumentProjector.ALBUM -> albumIds.add(c.id());
        case DocumentProjector.ARTIST -> artistIds.add(c.id());
        // users, playlists, reviews, radios and feeds are not in the index
        default -> log.debug("Change of {} {} does not concern the index", c.kind(), c.id());
      }
    }
    // Track documents carry album and artist names, album documents artist names.
    if (!albumIds.isEmpty()) {
      trackIds.addAll(store.trackIdsOfAlbums(albumIds));
    }
    if (!artistIds.isEmpty()) {
      trackIds.addAll(store.trackIdsOfArtists(artistIds));
    }
    List<Track> tracks = findTracks(trackIds);
    // Albums of a renamed artist are reached through its tracks.
    Set<Long> albumsToProject = new LinkedHashSet<>(albumIds);
    for (Track t : tracks) {
      if (t.albumId() != null && t.artistIds().stream().anyMatch(artistIds::contains)) {
        albumsToProject.add(t.albumId());
      }
    }
    Set<Long> neededAlbums = new HashSet<>(albumsToProject);
    tracks.forEach(t -> neededAlbums.add(t.albumId()));
    neededAlbums.remove(null);
    Map<Long, Album> albums = new HashMap<>();
    store.findAlbums(neededAlbums).forEach(a -> albums.put(a.id(), a));
    Set<Long> neededArtists = new HashSet<>(artistIds);
    tracks.forEach(t -> neededArtists.addAll(t.artistIds()));
    albums.values().forEach(a -> neededArtists.addAll(a.artistIds()));
    Map<Long, String> artistNames = new HashMap<>();
    Map<Long, Artist> artists = new HashMap<>();
    for (Artist a : store.findArtists(neededArtists)) {
      artists.put(a.id(), a);
      artistNames.put(a.id(), a.name());
    }

    for (long id : artistIds) {
      Artist a = artists.get(id);
      if (a == null) {
        writer.deleteDocuments(DocumentProjector.key(DocumentProjector.ARTIST, id));
      } else {
        writer.updateDocument(
            DocumentProjector.key(DocumentProjector.ARTIST, id), DocumentProjector.artist(a));
      }
    }
    for (long id : albumsToProject) {
      Album a = albums.get(id);
      if (a == null) {
        writer.deleteDocuments(DocumentProjector.key(DocumentProjector.ALBUM, id));
      } else {
        writer.updateDocument(
            DocumentProjector.key(DocumentProjector.ALBUM, id),
            DocumentProjector.album(a, artistNames));
      }
    }
    Set<Long> found = new HashSet<>();
    for (Track t : tracks) {
      found.add(t.id());
      Album album = t.albumId() == null ? null : albums.get(t.albumId());
      writer.updateDocument(
          DocumentProjector.key(DocumentProjector.TRACK, t.id()),
          DocumentProjector.track(t, album == null ? null : album.name(), artistNames));
    }
    for (long id : trackIds) {
      if (!found.contains(id)) {
        writer.deleteDocuments(DocumentProjector.key(DocumentProjector.TRACK, id));
      }
    }
  }

  private List<Track> findTracks(Set<Long> idSet) {
    List<Long> ids = new ArrayList<>(idSet);
    List<Track> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += PAGE) {
      out.addAll(store.findTracks(ids.subList(i, Math.min(ids.size(), i + PAGE))));
    }
    return out;
  }

  private static void commit(IndexWriter writer, long seq) throws IOException {
    writer.setLiveCommitData(
        Map.of(
                IndexFields.COMMIT_SEQ,
                Long.toString(seq),
                IndexFields.COMMIT_SCHEMA,
                Integer.toString(IndexFields.SCHEMA_VERSION))
            .entrySet());
    writer.commit();
  }

  // ---------------------------------------------------------------- rebuild

  /**
   * Re-projects the whole catalog into a new generation and swaps it in atomically. Changes written
   * meanwhile are applied to the new generation before the swap. Interrupting the calling thread or
   * closing the index abandons the new generation and leaves the previous index as it was.
   *
   * @throws CancellationException when interrupted or closed before the swap
   */
  public RebuildResult rebuild(ProgressListener progress) {
    long started = System.nanoTime();
    rebuildLock.lock();
    try {
      Built built = build(progress);
      writeLock.lock();
      try {
        long seq = built.seq;
        if (live != null) {
          Live fresh = Live.open(built.path);
          try {
            seq = applyChanges(fresh.writer, seq);
            fresh.seq.set(seq);
            fresh.searchers.maybeRefreshBlocking();
          } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
          }
          location.switchTo(built.path);
          Live old = live;
          live = fresh;
          // Searchers acquired from the old generation stay valid until released.
          old.close();
          location.deleteAllBut(built.path);
        } else {
          // A server may be running on the previous generation: keep it; the server follows the
          // pointer on its next catch-up and deletes it then. Older left-overs can go.
          Path previous = location.current();
          location.switchTo(built.path);
          location.deleteAllBut(built.path, previous);
        }
        return new RebuildResult(
            built.documents, seq, Duration.ofNanos(System.nanoTime() - started));
      } finally {
        writeLock.unlock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index rebuild failed", e);
    } finally {
      rebuildLock.unlock();
    }
  }

  private record Built(Path path, long documents, long seq) {}

  /**
   * Writes a complete, committed new generation, resuming the newest unfinished build when one left
   * a checkpoint (see {@link BuildCheckpoint}). Every {@link #checkpointDocuments} documents the
   * workers are drained and a checkpoint commit records the last record in; so an interruption
   * (Ctrl-C, kill, crash) costs at most that many documents of work, not the build. A failure other
   * than an interruption deletes the generation.
   */
  private Built build(ProgressListener progress) {
    long lastSeq = store.lastChangeSeq();
    BuildCheckpoint resumed = resumable(lastSeq);
    Path gen = resumed == null ? location.newGeneration() : resumed.generation();
    if (resumed != null) {
      log.info("Search index build: resuming {} after {}", gen, resumed.encode());
    }
    boolean keep = false;
    int workers = graphMergeWorkers();
    ExecutorService graphMerges = graphMergePool(workers);
    try (Directory dir = FSDirectory.open(gen);
        IndexWriter writer =
            new IndexWriter(
                dir,
                buildConfig(
                    resumed == null
                        ? IndexWriterConfig.OpenMode.CREATE
                        : IndexWriterConfig.OpenMode.APPEND,
                    workers,
                    graphMerges))) {
      // Taken before reading: anything written during the build is re-applied by a catch-up.
      long seq = resumed == null ? lastSeq : resumed.seq();
      BuildCheckpoint from =
          resumed == null
              ? new BuildCheckpoint(gen, seq, BuildCheckpoint.Phase.ARTISTS, Long.MIN_VALUE)
              : resumed;
      long total = store.count("tracks") + store.count("albums") + store.count("artists");
      long before = writer.getDocStats().numDocs;
      BuildRun run = new BuildRun(writer, gen, seq, from);
      long written;
      try (ParallelIndexer indexer =
          new ParallelIndexer(writer, buildThreads, progress, total, before)) {
        if (from.phase() != BuildCheckpoint.Phase.MERGE) {
          run.projectAll(indexer);
        }
        written = before + indexer.finish();
      }
      checkNotCancelled();
      run.checkpoint(BuildCheckpoint.Phase.MERGE, 0);
      // From here on an interruption leaves a resumable generation; before the checkpoint above
      // is committed it would leave one that no build can resume (interrupted before any
      // checkpoint: the catch below keeps it only if one was taken).
      keep = true;
      // Few segments: nearest-neighbour, free-text and prefix queries visit every segment on
      // their own, so a fresh build that left a few dozen costs each query that many times. One,
      // unless the index outgrows the cap (maxSegmentMb): then as many as the cap needs, for a
      // merge that is not quadratic in the graph's size.
      long mergeStart = System.nanoTime();
      int segments = finalSegments(dir);
      writer.forceMerge(segments);
      log.info(
          "Search index merged to {} segment(s) in {} s",
          segments,
          (System.nanoTime() - mergeStart) / 1_000_000_000);
      checkNotCancelled();
      commit(writer, seq);
      return new Built(gen, written, seq);
    } catch (CancellationException e) {
      // Read with the interrupt flag cleared: file channels refuse to open on an interrupted
      // thread, which would make the checkpoint look absent and the generation be deleted.
      boolean interrupted = Thread.interrupted();
      try {
        keep = keep || BuildCheckpoint.read(gen) != null;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw e;
    } catch (IOException e) {
      keep = false;
      throw new UncheckedIOException("cannot build the search index in " + gen, e);
    } finally {
      // After the writer closed (no merge can be running): the pool's threads end with the build.
      if (graphMerges != null) {
        graphMerges.shutdownNow();
      }
      if (!keep) {
        IndexLocation.deleteTree(gen);
      }
    }
  }

  /**
   * The newest unfinished generation (newer than the live one) with a checkpoint taken on this
   * change log, or null. A checkpoint ahead of the log means the store was replaced (a restore):
   * its documents may describe records that no longer exist, so it is not resumed.
   */
  private BuildCheckpoint resumable(long lastSeq) {
    Path current = location.current();
    for (Path gen : location.newestFirst()) {
      if (gen.equals(current)) {
        return null;
      }
      BuildCheckpoint c = BuildCheckpoint.read(gen);
      if (c != null && c.seq() <= lastSeq) {
        return c;
      }
    }
    return null;
  }

  /** Reads the store in id order and feeds the indexer, taking checkpoints on the way. */
  private final class BuildRun {
    private final IndexWriter writer;
    private final Path gen;
    private final long seq;
    private final BuildCheckpoint from;
    private final Map<Long, String> artistNames = new HashMap<>();
    private final Map<Long, String> albumNames = new HashMap<>();
    private long sinceCheckpoint;
    private ParallelIndexer indexer;

    BuildRun(IndexWriter writer, Path gen, long seq, BuildCheckpoint from) {
      this.writer = writer;
      this.gen = gen;
      this.seq = seq;
      this.from = from;
    }

    void projectAll(ParallelIndexer indexer) throws IOException {
      this.indexer = indexer;
      // Names are needed by later phases even when a resumed build indexed these records before.
      store.forEachArtistPage(
          PAGE,
          page -> {
            checkNotCancelled();
            page.forEach(a -> artistNames.put(a.id(), a.name()));
            feed(BuildCheckpoint.Phase.ARTISTS, page, Artist::id, DocumentProjector::artist);
          });
      store.forEachAlbumPage(
          PAGE,
          page -> {
            checkNotCancelled();
            page.forEach(a -> albumNames.put(a.id(), a.name()));
            feed(
                BuildCheckpoint.Phase.ALBUMS,
                page,
                Album::id,
                a -> DocumentProjector.album(a, artistNames));
          });
      store.forEachTrackPage(
          from.resumeAfter(BuildCheckpoint.Phase.TRACKS),
          PAGE,
          page -> {
            checkNotCancelled();
            feed(
                BuildCheckpoint.Phase.TRACKS,
                page,
                Track::id,
                t ->
                    DocumentProjector.track(
                        t, t.albumId() == null ? null : albumNames.get(t.albumId()), artistNames));
          });
    }

    /** Submits the records of {@code page} a resumed build has not indexed yet. */
    private <T> void feed(
        BuildCheckpoint.Phase phase,
        List<T> page,
        java.util.function.ToLongFunction<T> id,
        java.util.function.Function<T, Document> project) {
      if (phase.doneAt(from.phase())) {
        return;
      }
      long after = from.resumeAfter(phase);
      List<T> todo =
          after == Long.MIN_VALUE
              ? page
              : page.stream().filter(r -> id.applyAsLong(r) > after).toList();
      indexer.submit(todo, project);
      sinceCheckpoint += todo.size();
      if (sinceCheckpoint >= checkpointDocuments && !todo.isEmpty()) {
        indexer.drain();
        checkNotCancelled();
        try {
          checkpoint(phase, id.applyAsLong(todo.get(todo.size() - 1)));
        } catch (IOException | RuntimeException e) {
          if (Thread.currentThread().isInterrupted()) {
            // Interrupted during the commit (file channels close on interrupt): the previous
            // checkpoint is intact, the next build resumes from it.
            throw new CancellationException("search index build interrupted");
          }
          throw e instanceof IOException io
              ? new UncheckedIOException("cannot commit a checkpoint in " + gen, io)
              : (RuntimeException) e;
        }
      }
    }

    void checkpoint(BuildCheckpoint.Phase phase, long lastId) throws IOException {
      writer.setLiveCommitData(
          Map.of(
                  IndexFields.COMMIT_SEQ,
                  Long.toString(seq),
                  IndexFields.COMMIT_SCHEMA,
                  Integer.toString(IndexFields.SCHEMA_VERSION),
                  IndexFields.COMMIT_BUILD_CHECKPOINT,
                  new BuildCheckpoint(gen, seq, phase, lastId).encode())
              .entrySet());
      writer.commit();
      sinceCheckpoint = 0;
    }
  }

  private void checkNotCancelled() {
    if (Thread.currentThread().isInterrupted() || closing) {
      throw new CancellationException("search index rebuild interrupted; previous index kept");
    }
  }
}
