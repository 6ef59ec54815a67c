package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.MusicInfo;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeping the index current: catch-up, start-up checks, rebuild and its atomic swap. */
class SearchIndexMaintenanceTest {
  @TempDir Path dir;
  private TestStore db;
  private final List<SearchIndex> opened = new ArrayList<>();

  @BeforeEach
  void setUp() {
    db = TestStores.sqlite(dir);
    db.store().write(SampleCatalog.batch());
  }

  @AfterEach
  void tearDown() {
    opened.forEach(SearchIndex::close);
    db.close();
  }

  private SearchIndex openIndex() {
    SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
    opened.add(index);
    index.open();
    return index;
  }

  private static List<Long> text(SearchIndex index, String text) {
    return new CatalogSearch(index).tracks(TrackQuery.builder().text(text).build()).ids();
  }

  private Path indexRoot() {
    return dir.resolve("index");
  }

  private String currentGeneration() throws IOException {
    return Files.readString(indexRoot().resolve("CURRENT")).trim();
  }

  private List<String> generations() throws IOException {
    try (Stream<Path> s = Files.list(indexRoot())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).toList();
    }
  }

  private void writeTrack(long id, String name) {
    db.store()
        .write(
            new CatalogBatch(
                List.of(),
                List.of(),
                List.of(
                    SampleCatalog.track(
                        id,
                        name,
                        30L,
                        List.of(3L),
                        200,
                        "2021-01-01",
                        null,
                        MusicInfo.NONE,
                        SampleCatalog.tags("genre:pop"),
                        false,
                        true,
                        1,
                        1,
                        0.3))));
  }

  @Test
  void firstOpenBuildsTheIndexAndRecordsTheSeq() throws IOException {
    SearchIndex index = openIndex();
    assertThat(index.appliedSeq()).isEqualTo(db.store().lastChangeSeq()).isEqualTo(14);
    assertThat(new CatalogSearch(index).tracks(TrackQuery.builder().build()).total()).isEqualTo(8);
    assertThat(generations()).containsExactly(currentGeneration());
  }

  @Test
  void catchUpAppliesTrackAlbumAndArtistChanges() {
    SearchIndex index = openIndex();
    writeTrack(109, "Fresh Rain");
    assertThat(text(index, "fresh")).as("not visible before catch-up").isEmpty();
    index.catchUp();
    assertThat(text(index, "fresh")).containsExactly(109L);
    assertThat(index.appliedSeq()).isEqualTo(db.store().lastChangeSeq());

    // Renaming the artist re-projects its tracks (artist names are part of track documents).
    db.store()
        .write(new CatalogBatch(List.of(Artist.named(3, "Nueva Banda")), List.of(), List.of()));
    index.catchUp();
    assertThat(text(index, "nueva")).containsExactly(106L, 107L, 109L);
    assertThat(text(index, "tacvba")).isEmpty();
    CatalogSearch search = new CatalogSearch(index);
    assertThat(search.artists(EntityQuery.builder().text("nueva").build()).ids())
        .containsExactly(3L);
    // ...and the albums reached through its tracks (album documents carry artist names).
    assertThat(search.albums(EntityQuery.builder().text("banda").build()).ids())
        .containsExactly(30L);

    Album renamed = SampleCatalog.album(30, "Reloaded", 3);
    db.store().write(new CatalogBatch(List.of(), List.of(renamed), List.of()));
    index.catchUp();
    assertThat(search.albums(EntityQuery.builder().name(NameMatch.exact("reloaded")).build()).ids())
        .containsExactly(30L);
    assertThat(text(index, "reloaded")).containsExactly(106L, 109L);
  }

  @Test
  void concurrentCatchUpsApplyEveryChangeOnce() throws Exception {
    SearchIndex index = openIndex();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch following = new CountDownLatch(4);
    try {
      List<Future<Integer>> followers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        followers.add(
            pool.submit(
                () -> {
                  int rounds = 0;
                  do {
                    index.catchUp();
                    if (rounds++ == 0) {
                      following.countDown();
                    }
                  } while (writing.get());
                  return rounds;
                }));
      }
      // One writer, as the store expects; four followers catching up against it, all of them
      // running before the first write (else a follower started late might never overlap one).
      assertThat(following.await(1, TimeUnit.MINUTES)).isTrue();
      for (int i = 0; i < 20; i++) {
        writeTrack(200 + i, "Concurrent " + (200 + i));
      }
      writing.set(false);
      for (Future<Integer> f : followers) {
        assertThat(f.get()).isPositive();
      }
    } finally {
      pool.shutdown();
    }
    index.catchUp();
    assertThat(
            new CatalogSearch(index)
                .tracks(TrackQuery.builder().text("concurrent").build())
                .total())
        .isEqualTo(20);
    assertThat(index.appliedSeq()).isEqualTo(db.store().lastChangeSeq());
  }

  @Test
  void reopeningCatchesUpWithWritesMadeWhileClosed() {
    SearchIndex first = openIndex();
    first.close();
    writeTrack(110, "Written While Closed");
    SearchIndex second = openIndex();
    assertThat(text(second, "closed")).containsExactly(110L);
  }

  @Test
  void anotherSchemaVersionTriggersARebuildOnOpen() throws IOException {
    SearchIndex first = openIndex();
    first.close();
    String before = currentGeneration();
    // Simulate an index written by an older layout.
    try (Directory d = FSDirectory.open(indexRoot().resolve(before));
        IndexWriter w =
            new IndexWriter(d, SearchIndex.writerConfig(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(
          Map.of(IndexFields.COMMIT_SEQ, "14", IndexFields.COMMIT_SCHEMA, "0").entrySet());
      w.commit();
    }
    SearchIndex second = openIndex();
    assertThat(currentGeneration()).isNotEqualTo(before);
    assertThat(generations()).containsExactly(currentGeneration());
    assertThat(text(second, "rain")).containsExactlyInAnyOrder(102L, 104L, 108L);
  }

  @Test
  void rebuildSwapsInAFreshGenerationAndReportsProgress() throws IOException {
    SearchIndex index = openIndex();
    String before = currentGeneration();
    writeTrack(111, "After Open");
    List<long[]> progress = new ArrayList<>();
    RebuildResult result = index.rebuild((done, total) -> progress.add(new long[] {done, total}));
    assertThat(result.documents()).isEqualTo(9 + 3 + 3);
    assertThat(result.changeSeq()).isEqualTo(db.store().lastChangeSeq());
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(15L, 15L);
    assertThat(currentGeneration()).isNotEqualTo(before);
    assertThat(generations()).containsExactly(currentGeneration());
    assertThat(text(index, "after")).containsExactly(111L);
    assertThat(text(index, "rain")).containsExactlyInAnyOrder(102L, 104L, 108L);
  }

  @Test
  void queriesKeepWorkingWhileARebuildSwapsGenerations() throws Exception {
    SearchIndex index = openIndex();
    CatalogSearch search = new CatalogSearch(index);
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> reader =
          pool.submit(
              () -> {
                int queries = 0;
                while (rebuilding.get() || queries == 0) {
                  assertThat(search.tracks(TrackQuery.builder().text("rain").build()).total())
                      .isEqualTo(3);
                  queries++;
                }
                return queries;
              });
      for (int i = 0; i < 3; i++) {
        index.rebuild(ProgressListener.NONE);
      }
      rebuilding.set(false);
      assertThat(reader.get()).isPositive();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void interruptedRebuildLeavesThePreviousIndexInUse() throws IOException {
    SearchIndex index = openIndex();
    String before = currentGeneration();
    // What Ctrl-C amounts to: the thread running the rebuild is interrupted part way.
    Thread caller = Thread.currentThread();
    try {
      assertThatThrownBy(() -> index.rebuild((done, total) -> caller.interrupt()))
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted(); // clear the flag for the rest of the test
    }
    assertThat(currentGeneration()).isEqualTo(before);
    assertThat(generations()).containsExactly(before);
    assertThat(text(index, "rain")).containsExactlyInAnyOrder(102L, 104L, 108L);
    index.catchUp();
    // A new index instance on the same directory opens the kept generation without rebuilding.
    index.close();
    SearchIndex reopened = openIndex();
    assertThat(currentGeneration()).isEqualTo(before);
    assertThat(text(reopened, "rain")).containsExactlyInAnyOrder(102L, 104L, 108L);
  }

  @Test
  void rebuildWithoutAnOpenIndexOnlySwitchesThePointer() throws IOException {
    SearchIndex cli = new SearchIndex(db.store(), db.properties(), false);
    opened.add(cli);
    RebuildResult result = cli.rebuild(ProgressListener.NONE);
    assertThat(result.documents()).isEqualTo(14);
    String gen = currentGeneration();
    SearchIndex server = openIndex();
    assertThat(currentGeneration()).isEqualTo(gen);
    assertThat(text(server, "love")).containsExactlyInAnyOrder(103L, 104L, 107L);
  }

  @Test
  void aRunningIndexFollowsARebuildMadeByAnotherProcess() throws IOException {
    SearchIndex server = openIndex();
    String before = currentGeneration();
    writeTrack(113, "Made During Cli Rebuild");
    // What `stave index rebuild` does in its own process: build and switch the pointer.
    SearchIndex cli = new SearchIndex(db.store(), db.properties(), false);
    opened.add(cli);
    cli.rebuild(ProgressListener.NONE);
    String rebuilt = currentGeneration();
    assertThat(rebuilt).isNotEqualTo(before);
    assertThat(generations()).as("the server's generation is kept").contains(before, rebuilt);
    server.catchUp();
    assertThat(generations()).containsExactly(rebuilt);
    assertThat(text(server, "cli")).containsExactly(113L);
    writeTrack(114, "After The Switch");
    server.catchUp();
    assertThat(text(server, "switch")).containsExactly(114L);
  }

  @Test
  void lifecycleStartCatchesUpPeriodically() throws InterruptedException {
    SearchIndex index = new SearchIndex(db.store(), db.properties(), true);
    opened.add(index);
    index.start();
    try {
      writeTrack(112, "Periodic Pickup");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (text(index, "periodic").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(text(index, "periodic")).containsExactly(112L);
    } finally {
      index.stop();
    }
  }

  @Test
  void deletedRowsDisappearFromTheIndex() {
    SearchIndex index = openIndex();
    // The store has no delete API yet; a change-log entry for a missing row is what a delete
    // will look like.
    JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    jdbc.update("DELETE FROM track_artists WHERE track_id = 107");
    jdbc.update("DELETE FROM track_tags WHERE track_id = 107");
    jdbc.update("DELETE FROM tracks WHERE id = 107");
    jdbc.update("INSERT INTO change_log (entity_type, entity_id) VALUES ('track', 107)");
    index.catchUp();
    assertThat(text(index, "love")).containsExactlyInAnyOrder(103L, 104L);
    assertThat(new CatalogSearch(index).tracks(TrackQuery.builder().build()).total()).isEqualTo(7);
  }

  @Test
  void completionsFollowTheCatalogWithoutCountingReplacedDocuments() {
    SearchIndex index = openIndex();
    CatalogSearch search = new CatalogSearch(index);
    long pop = tagCount(search, "pop");
    assertThat(search.completeNames("track", "zeb", 5)).isEmpty();

    writeTrack(200, "Zebra One");
    writeTrack(201, "Zèbra one");
    index.catchUp();
    assertThat(search.completeNames("track", "ZEB", 5))
        .containsExactly(new Completion("zebra one", 2, 200));
    assertThat(search.completeNames("album", "zeb", 5)).isEmpty();
    assertThat(tagCount(search, "pop")).isEqualTo(pop + 2);

    // a renamed track is a replaced document: the old one stays in the index until a merge
    writeTrack(200, "Yak");
    index.catchUp();
    assertThat(search.completeNames("track", "zeb", 5))
        .containsExactly(new Completion("zebra one", 1, 201));
    assertThat(search.completeNames("track", "ya", 5)).contains(new Completion("yak", 1, 200));
    assertThat(tagCount(search, "pop")).isEqualTo(pop + 2);
  }

  private static long tagCount(CatalogSearch search, String tag) {
    return search.completeTags(tag, 50).stream()
        .filter(c -> c.match().equals(tag))
        .mapToLong(Completion::count)
        .findFirst()
        .orElse(0);
  }
}
