package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.catalog.Track;
import dev.stave.ingest.demo.DemoCatalog;
import dev.stave.ingest.demo.DemoGenerator;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index built on several threads with checkpoints answers exactly as one built on one thread
 * without: same document count, same totals and the same matching ids for free text, tag, name and
 * artist queries over tracks, albums and artists (nearest-neighbour answers are left out: the graph
 * is approximate and its shape depends on insertion order). A build interrupted after a checkpoint
 * keeps its generation and the next build resumes it, indexing only what the checkpoint did not
 * cover, with the same answers. On a generated demo catalog of 3,000 tracks.
 */
class ParallelIndexBuildTest {
  private static final int TRACKS = 3_000;

  @TempDir Path dir;
  private TestStore db;
  private final List<SearchIndex> opened = new ArrayList<>();

  @BeforeEach
  void setUp() {
    db = TestStores.sqlite(dir);
    new DemoCatalog(db.store()).write(new DemoGenerator(TRACKS, 7), false, (done, total) -> {});
  }

  @AfterEach
  void tearDown() {
    opened.forEach(SearchIndex::close);
    db.close();
  }

  private SearchIndex index(int threads, long checkpointDocuments) {
    SearchIndex index =
        new SearchIndex(db.store(), db.properties(), false, threads, checkpointDocuments);
    opened.add(index);
    return index;
  }

  @Test
  void parallelBuildWithCheckpointsAnswersLikeASerialOne() {
    SearchIndex serial = index(1, Long.MAX_VALUE);
    RebuildResult one = serial.rebuild(ProgressListener.NONE);
    Map<String, Object> expected = answers(serial);
    serial.close();

    SearchIndex parallel = index(4, 500);
    RebuildResult four = parallel.rebuild(ProgressListener.NONE);

    assertThat(four.documents()).isEqualTo(one.documents()).isGreaterThan(TRACKS);
    assertThat(answers(parallel)).isEqualTo(expected);
  }

  /**
   * {@code stave.search.build.max-segment-mb} leaves several segments (each with its own graph) in
   * place of one, and the index answers as the one-segment build does.
   */
  @Test
  void aBuildWithCappedSegmentsAnswersLikeAOneSegmentBuild() throws IOException {
    SearchIndex one = index(2, Long.MAX_VALUE);
    long documents = one.rebuild(ProgressListener.NONE).documents();
    Map<String, Object> expected = answers(one);
    one.close();
    assertThat(segments()).isEqualTo(1);

    System.setProperty("stave.search.build.max-segment-mb", "1");
    try {
      SearchIndex capped = index(2, Long.MAX_VALUE);
      assertThat(capped.rebuild(ProgressListener.NONE).documents()).isEqualTo(documents);
      assertThat(segments()).isGreaterThan(1);
      assertThat(answers(capped)).isEqualTo(expected);
    } finally {
      System.clearProperty("stave.search.build.max-segment-mb");
    }
  }

  private int segments() throws IOException {
    try (FSDirectory d = FSDirectory.open(current());
        DirectoryReader reader = DirectoryReader.open(d)) {
      return reader.leaves().size();
    }
  }

  @Test
  void anInterruptedBuildResumesFromItsLastCheckpoint() throws IOException {
    SearchIndex reference = index(1, Long.MAX_VALUE);
    long documents = reference.rebuild(ProgressListener.NONE).documents();
    Map<String, Object> expected = answers(reference);
    reference.close();

    SearchIndex interrupted = index(2, 500);
    Thread caller = Thread.currentThread();
    try {
      // What Ctrl-C amounts to: the thread running the build is interrupted part way.
      assertThatThrownBy(
              () ->
                  interrupted.rebuild(
                      (done, total) -> {
                        if (done >= 2_000) {
                          caller.interrupt();
                        }
                      }))
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
    interrupted.close();
    List<Path> generations = generations();
    Path partial = generations.getLast();
    BuildCheckpoint checkpoint = BuildCheckpoint.read(partial);
    assertThat(checkpoint).as("a checkpoint was committed before the interruption").isNotNull();
    assertThat(current()).as("the previous index stays in use").isNotEqualTo(partial);

    SearchIndex resumed = index(2, 500);
    AtomicLong first = new AtomicLong(-1);
    RebuildResult result = resumed.rebuild((done, total) -> first.compareAndExchange(-1, done));
    assertThat(current()).as("the partial generation was completed").isEqualTo(partial);
    assertThat(result.documents()).isEqualTo(documents);
    // The first progress report already counts what the checkpoint covered.
    assertThat(first.get()).isGreaterThan(500);
    assertThat(BuildCheckpoint.read(partial)).as("finished: no checkpoint left").isNull();
    assertThat(answers(resumed)).isEqualTo(expected);
  }

  /** Totals and matching ids of queries whose answers do not depend on document order. */
  private Map<String, Object> answers(SearchIndex index) {
    CatalogSearch search = new CatalogSearch(index);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("documents", index.status().documents());
    out.put("all tracks", ids(search.tracks(TrackQuery.builder().page(0, 10_000).build())));
    Set<String> words = new TreeSet<>();
    Set<String> tags = new TreeSet<>();
    Set<Long> artists = new HashSet<>();
    List<Track> sample =
        db.store().findTracks(List.of(1L, 17L, 333L, 999L, 1_500L, 2_222L, 2_999L));
    for (Track t : sample) {
      words.add(t.name().split(" ")[0]);
      t.tags().forEach(tag -> tags.add(tag.name()));
      artists.addAll(t.artistIds());
    }
    for (String w : words) {
      out.put(
          "text " + w, ids(search.tracks(TrackQuery.builder().text(w).page(0, 10_000).build())));
      out.put(
          "albums " + w, ids(search.albums(EntityQuery.builder().text(w).page(0, 10_000).build())));
      out.put(
          "artists " + w,
          ids(search.artists(EntityQuery.builder().text(w).page(0, 10_000).build())));
    }
    for (String tag : tags) {
      out.put(
          "tag " + tag,
          ids(search.tracks(TrackQuery.builder().tags(List.of(tag)).page(0, 10_000).build())));
    }
    out.put(
        "by artists",
        ids(search.tracks(TrackQuery.builder().artistIds(artists).page(0, 10_000).build())));
    assertThat(out).hasSizeGreaterThan(8);
    return out;
  }

  private static String ids(SearchResult r) {
    return r.total() + " " + new TreeSet<>(r.ids());
  }

  private Path current() throws IOException {
    Path root = dir.resolve("index");
    return root.resolve(Files.readString(root.resolve("CURRENT")).strip());
  }

  private List<Path> generations() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("index"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-"))
          .sorted(
              java.util.Comparator.comparingLong(
                  p -> Long.parseLong(p.getFileName().toString().substring(4))))
          .toList();
    }
  }
}
