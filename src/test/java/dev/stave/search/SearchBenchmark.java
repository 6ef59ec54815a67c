package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.RealData.SpotifyRow;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurements behind the choices in this package, not part of the regular suite: run with {@code
 * ./mvnw test -Dtest=SearchBenchmark -Dstave.bench=true}. Prints figures; asserts only sanity.
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class SearchBenchmark {

  /** Store write and index rebuild throughput on the 55k-track MTG-Jamendo genre set. */
  @Test
  void rebuildThroughputOnMtgGenre(@TempDir Path tempDir) {
    // -Dstave.bench.data-dir=DIR keeps the loaded catalog, e.g. to try `stave index rebuild`.
    String keep = System.getProperty("stave.bench.data-dir");
    Path dir = keep == null ? tempDir : Path.of(keep);
    Path file = RealData.file(RealData.MTG_GENRE).orElse(null);
    assumeTrue(file != null, RealData.missing(RealData.MTG_GENRE));
    try (TestStore db = TestStores.sqlite(dir)) {
      var rows = RealData.mtgRows(file);
      long t0 = System.nanoTime();
      db.store().write(RealData.mtgCatalog(rows));
      long t1 = System.nanoTime();
      AtomicLong n = new AtomicLong();
      db.store().forEachTrackPage(1000, page -> n.addAndGet(page.size()));
      long t2 = System.nanoTime();
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      RebuildResult r = index.rebuild(ProgressListener.NONE);
      System.out.printf(
          Locale.ROOT,
          "MTG genre %,d tracks: store write %.1f s; store read alone %.1f s (%,.0f tracks/s);"
              + " rebuild %,d docs in %.1f s = %,.0f docs/s%n",
          rows.size(),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          n.get() / ((t2 - t1) / 1e9),
          r.documents(),
          r.took().toMillis() / 1e3,
          r.docsPerSecond());
      index.open();
      CatalogSearch search = new CatalogSearch(index);
      latency(
          "MTG genre: tags=rock AND electronic, sort popularity",
          () ->
              search.tracks(
                  TrackQuery.builder()
                      .tags(List.of("rock", "electronic"))
                      .sortBy(TrackSort.POPULARITY, true)
                      .build()));
      latency(
          "MTG genre: fuzzytags pop|rock|jazz",
          () ->
              search.tracks(
                  TrackQuery.builder().fuzzyTags(List.of("pop", "rock", "jazz")).build()));
      index.close();
    }
  }

  /**
   * HNSW vs exact scan for 11-dimension feature vectors at 120k tracks: the 8k real Spotify feature
   * rows, each repeated 15 times with small noise. Written straight into the index (no SQL) because
   * only the search side is measured.
   */
  @Test
  void vectorStrategiesAt120k(@TempDir Path dir) throws Exception {
    Path file = RealData.file(RealData.SPOTIFY_8K).orElse(null);
    assumeTrue(file != null, RealData.missing(RealData.SPOTIFY_8K));
    List<SpotifyRow> rows = RealData.spotifyRows(file);
    Random random = new Random(42);
    try (TestStore db = TestStores.sqlite(dir)) {
      IndexLocation location = new IndexLocation(dir.resolve("index"));
      Path gen = location.newGeneration();
      long t0 = System.nanoTime();
      int n = 0;
      try (Directory d = FSDirectory.open(gen);
          IndexWriter w =
              new IndexWriter(d, SearchIndex.writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
        for (int copy = 0; copy < 15; copy++) {
          for (SpotifyRow row : rows) {
            n++;
            AudioFeatures f = jitter(row.features(), random, copy == 0 ? 0 : 0.03);
            Track t =
                new Track(
                    n,
                    null,
                    row.name().isBlank() ? "x" : row.name(),
                    null,
                    null,
                    null,
                    row.durationMs(),
                    null,
                    null,
                    MusicInfo.NONE,
                    null,
                    null,
                    row.popularity(),
                    null,
                    null,
                    null,
                    f,
                    List.of(1L),
                    List.of(new Tag(Tag.GENRE, "g" + (n % 10))));
            w.addDocument(DocumentProjector.track(t, null, Map.of(1L, row.artist())));
          }
        }
        w.setLiveCommitData(
            Map.of(
                    IndexFields.COMMIT_SEQ,
                    "0",
                    IndexFields.COMMIT_SCHEMA,
                    Integer.toString(IndexFields.SCHEMA_VERSION))
                .entrySet());
        w.commit();
        w.forceMerge(1);
        w.commit();
      }
      System.out.printf(
          Locale.ROOT,
          "Vector bench: %,d tracks indexed (HNSW graph included) in %.1f s%n",
          n,
          (System.nanoTime() - t0) / 1e9);
      location.switchTo(gen);
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      index.open();
      List<AudioFeatures> targets = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        targets.add(rows.get(random.nextInt(rows.size())).features());
      }
      for (String filter : List.of("none", "genre 10%", "genre 10% + name substring")) {
        double recall = 0;
        long[][] nanos = new long[2][targets.size()];
        for (int rep = 0; rep < 2; rep++) { // first repetition warms up
          recall = 0;
          for (int i = 0; i < targets.size(); i++) {
            TrackQuery.Builder b = TrackQuery.builder().similarTo(targets.get(i)).page(0, 10);
            if (filter.startsWith("genre")) {
              b.tags(List.of("g3"));
            }
            if (filter.endsWith("substring")) {
              b.name(NameMatch.substring("the"));
            }
            TrackQuery q = b.build();
            List<Long> exactIds = null;
            // Exact first: it is the reference for HNSW's recall.
            for (CatalogSearch.VectorStrategy s :
                List.of(CatalogSearch.VectorStrategy.EXACT, CatalogSearch.VectorStrategy.HNSW)) {
              CatalogSearch search = new CatalogSearch(index, s);
              long start = System.nanoTime();
              List<Long> ids = search.tracks(q).ids();
              nanos[s.ordinal()][i] = System.nanoTime() - start;
              if (s == CatalogSearch.VectorStrategy.EXACT) {
                exactIds = ids;
              } else {
                recall += ids.stream().filter(exactIds::contains).count() / 10.0;
              }
            }
          }
        }
        for (CatalogSearch.VectorStrategy s : CatalogSearch.VectorStrategy.values()) {
          long[] t = nanos[s.ordinal()].clone();
          Arrays.sort(t);
          System.out.printf(
              Locale.ROOT,
              "Vector bench, filter %-28s %-5s mean %6.2f ms  p50 %6.2f ms  p99 %6.2f ms%n",
              filter,
              s,
              Arrays.stream(t).average().orElse(0) / 1e6,
              t[t.length / 2] / 1e6,
              t[(int) (t.length * 0.99)] / 1e6);
        }
        System.out.printf(
            Locale.ROOT,
            "Vector bench, filter %s: HNSW recall@10 %.3f%n",
            filter,
            recall / targets.size());
      }
      CatalogSearch search = new CatalogSearch(index);
      latency(
          "120k: full text 'love'", () -> search.tracks(TrackQuery.builder().text("love").build()));
      latency(
          "120k: name substring 'ight', sort name",
          () ->
              search.tracks(
                  TrackQuery.builder()
                      .name(NameMatch.substring("ight"))
                      .sortBy(TrackSort.NAME, false)
                      .build()));
      latency(
          "120k: text 'love' boosted by popularity",
          () ->
              search.tracks(
                  TrackQuery.builder().text("love").boost(TrackSort.POPULARITY, 2f).build()));
      index.close();
    }
  }

  private static void latency(String label, Supplier<SearchResult> query) {
    long[] t = new long[300];
    long total = 0;
    for (int i = 0; i < 100; i++) {
      total += query.get().total(); // warm-up
    }
    for (int i = 0; i < t.length; i++) {
      long start = System.nanoTime();
      total = query.get().total();
      t[i] = System.nanoTime() - start;
    }
    Arrays.sort(t);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d hits, p50 %.2f ms, p99 %.2f ms%n",
        label,
        total,
        t[t.length / 2] / 1e6,
        t[(int) (t.length * 0.99)] / 1e6);
    assertThat(total).isPositive();
  }

  private static AudioFeatures jitter(AudioFeatures f, Random r, double s) {
    return new AudioFeatures(
        f.acousticness() + r.nextGaussian() * s,
        f.danceability() + r.nextGaussian() * s,
        f.energy() + r.nextGaussian() * s,
        f.instrumentalness() + r.nextGaussian() * s,
        f.key(),
        f.liveness() + r.nextGaussian() * s,
        f.loudness() + r.nextGaussian() * s * 60,
        f.mode(),
        f.speechiness() + r.nextGaussian() * s,
        f.tempo() + r.nextGaussian() * s * 250,
        f.valence() + r.nextGaussian() * s);
  }
}
