package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.Tag;
import dev.stave.cli.StaveCommand;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.RealData.MtgRow;
import dev.stave.testsupport.RealData.SpotifyRow;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API on real catalogs: the 8k Spotify songs (names, artists, albums, popularity, audio
 * features) and the MTG-Jamendo mood/theme set (real Jamendo ids and tags). Expected answers are
 * computed from the files independently of the index. Skipped, with a message, when the shared data
 * folder is absent.
 */
class RealDataSearchTest {

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SpotifySongs {
    private List<SpotifyRow> rows;
    private TestStore db;
    private SearchIndex index;
    private CatalogSearch search;

    @BeforeAll
    void load(@TempDir Path dir) {
      Path file = RealData.require(RealData.SPOTIFY_8K);
      rows = RealData.spotifyRows(file);
      db = TestStores.sqlite(dir);
      CatalogBatch batch = RealData.spotifyCatalog(rows);
      long t0 = System.nanoTime();
      db.store().write(batch);
      long t1 = System.nanoTime();
      index = new SearchIndex(db.store(), db.properties(), false);
      RebuildResult built = index.rebuild(ProgressListener.NONE);
      index.open();
      search = new CatalogSearch(index);
      System.out.printf(
          Locale.ROOT,
          "Spotify 8k: store write %.2f s; index rebuild %,d docs in %.2f s = %,.0f docs/s%n",
          (t1 - t0) / 1e9,
          built.documents(),
          built.took().toMillis() / 1000.0,
          built.docsPerSecond());
    }

    @AfterAll
    void close() {
      if (index != null) {
        index.close();
        db.close();
      }
    }

    private long idOf(String spotifyTrackId) {
      return IntStream.range(0, rows.size())
              .filter(i -> rows.get(i).trackId().equals(spotifyTrackId))
              .findFirst()
              .orElseThrow()
          + 1L;
    }

    @Test
    void fullTextFindsTitleByArtist() {
      long oneKiss = idOf("7ef4DlsgrMEH11cDZd32M6");
      SearchResult r = search.tracks(TrackQuery.builder().text("one kiss calvin harris").build());
      assertThat(r.ids()).first().isEqualTo(oneKiss);
      long omg = idOf("1bM50INir8voAkVoKuvEUI");
      assertThat(search.tracks(TrackQuery.builder().text("omg usher").build()).ids())
          .first()
          .isEqualTo(omg);
    }

    @Test
    void bySpotifyId() {
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder().spotifyIds(List.of("1bM50INir8voAkVoKuvEUI")).build())
                  .ids())
          .containsExactly(idOf("1bM50INir8voAkVoKuvEUI"));
    }

    @Test
    void artistFilterFindsEveryTrackOfTheArtist() {
      long calvin =
          search
              .artists(EntityQuery.builder().name(NameMatch.exact("calvin harris")).build())
              .ids()
              .get(0);
      List<Long> expected =
          IntStream.range(0, rows.size())
              .filter(i -> rows.get(i).artist().equals("Calvin Harris"))
              .mapToObj(i -> i + 1L)
              .toList();
      assertThat(expected).hasSizeGreaterThan(5);
      SearchResult r =
          search.tracks(TrackQuery.builder().artistIds(List.of(calvin)).page(0, 1000).build());
      assertThat(r.ids()).containsExactlyElementsOf(expected);
    }

    @Test
    void releaseYearAndDurationRangesCountLikeTheFile() {
      long in2019 = rows.stream().filter(r -> r.year() == 2019).count();
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder()
                          .released(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31))
                          .build())
                  .total())
          .isEqualTo(in2019)
          .isPositive();
      long short3min =
          rows.stream().filter(r -> r.durationMs() >= 120_000 && r.durationMs() <= 180_000).count();
      assertThat(search.tracks(TrackQuery.builder().durationMs(120_000L, 180_000L).build()).total())
          .isEqualTo(short3min);
    }

    @Test
    void sortByPopularityThenId() {
      List<Long> expected =
          IntStream.range(0, rows.size())
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingInt(i -> -rows.get(i).popularity())
                      .thenComparingInt(i -> i))
              .limit(30)
              .map(i -> i + 1L)
              .toList();
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder().sortBy(TrackSort.POPULARITY, true).page(0, 30).build())
                  .ids())
          .containsExactlyElementsOf(expected);
      // Second page continues where the first ended.
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder().sortBy(TrackSort.POPULARITY, true).page(10, 20).build())
                  .ids())
          .containsExactlyElementsOf(expected.subList(10, 30));
    }

    @Test
    void substringMatchesEveryNameContainingIt() {
      for (String s : List.of("love", "night", "a m", "xo")) {
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
          if (Names.normalize(rows.get(i).name()).contains(s)) {
            expected.add(i + 1L);
          }
        }
        SearchResult r =
            search.tracks(
                TrackQuery.builder().name(NameMatch.substring(s)).page(0, 10_000).build());
        assertThat(r.ids()).as(s).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.total()).isEqualTo(expected.size());
      }
    }

    @Test
    void nearestNeighboursMatchABruteForceScanOfTheFile() {
      int seed = 123;
      float[] target = FeatureVector.of(rows.get(seed).features());
      List<Long> expected =
          IntStream.range(0, rows.size())
              .filter(i -> i != seed)
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingDouble(
                          i -> distance(target, FeatureVector.of(rows.get(i).features())))
                      .thenComparingInt(i -> i))
              .limit(10)
              .map(i -> i + 1L)
              .toList();
      TrackQuery q =
          TrackQuery.builder()
              .similarTo(rows.get(seed).features())
              .excludeIds(List.of(seed + 1L))
              .build();
      SearchResult exact = new CatalogSearch(index, CatalogSearch.VectorStrategy.EXACT).tracks(q);
      assertThat(exact.ids()).containsExactlyElementsOf(expected);
      assertThat(exact.total()).isEqualTo(rows.size() - 1);
      SearchResult hnsw = new CatalogSearch(index, CatalogSearch.VectorStrategy.HNSW).tracks(q);
      long recalled = hnsw.ids().stream().filter(expected::contains).count();
      System.out.printf(Locale.ROOT, "HNSW recall@10 on Spotify 8k: %d/10%n", recalled);
      assertThat(recalled).isGreaterThanOrEqualTo(8);
    }

    private static double distance(float[] a, float[] b) {
      double d = 0;
      for (int i = 0; i < a.length; i++) {
        d += (a[i] - b[i]) * (a[i] - b[i]);
      }
      return d;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class MtgJamendoMoodTheme {
    private List<MtgRow> rows;
    private TestStore db;
    private SearchIndex index;
    private CatalogSearch search;

    @BeforeAll
    void load(@TempDir Path dir) {
      Path file = RealData.require(RealData.MTG_MOODTHEME);
      rows = RealData.mtgRows(file); // the test's own reading of the file, for expectations
      long t0 = System.nanoTime();
      // the catalog itself comes in the way an operator loads it: through `stave import`
      int exit =
          StaveCommand.run(
              "import", "mtg-jamendo", file.toString(), "--data", dir.toString(), "--no-progress");
      assertThat(exit).isZero();
      long t1 = System.nanoTime();
      db = TestStores.sqlite(dir);
      assertThat(db.store().count("tracks")).isEqualTo(rows.size());
      index = new SearchIndex(db.store(), db.properties(), false);
      RebuildResult built = index.rebuild(ProgressListener.NONE);
      index.open();
      search = new CatalogSearch(index);
      System.out.printf(
          Locale.ROOT,
          "MTG moodtheme %,d tracks: stave import %.2f s; index rebuild %,d docs in %.2f s ="
              + " %,.0f docs/s%n",
          rows.size(),
          (t1 - t0) / 1e9,
          built.documents(),
          built.took().toMillis() / 1000.0,
          built.docsPerSecond());
    }

    @AfterAll
    void close() {
      if (index != null) {
        index.close();
        db.close();
      }
    }

    private static Set<String> names(MtgRow r) {
      Set<String> out = new HashSet<>();
      r.tags().forEach(t -> out.add(t.name()));
      return out;
    }

    @Test
    void tagsAllOfCountLikeTheFile() {
      List<Long> expected =
          rows.stream()
              .filter(r -> names(r).containsAll(List.of("happy", "energetic")))
              .map(MtgRow::trackId)
              .sorted()
              .toList();
      assertThat(expected).isNotEmpty();
      SearchResult r =
          search.tracks(
              TrackQuery.builder().tags(List.of("happy", "energetic")).page(0, 10_000).build());
      assertThat(r.ids()).containsExactlyElementsOf(expected);
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder()
                          .categoryTags(List.of(new Tag(Tag.MOOD, "relaxing")))
                          .build())
                  .total())
          .isEqualTo(rows.stream().filter(x -> names(x).contains("relaxing")).count());
    }

    @Test
    void fuzzyTagsRankByNumberOfMatchingTags() {
      List<String> wanted = List.of("happy", "energetic", "summer", "party");
      List<MtgRow> matching = new ArrayList<>();
      for (MtgRow r : rows) {
        if (names(r).stream().anyMatch(wanted::contains)) {
          matching.add(r);
        }
      }
      List<Long> expected =
          matching.stream()
              .sorted(
                  Comparator.<MtgRow>comparingLong(
                          r -> -names(r).stream().filter(wanted::contains).count())
                      .thenComparingLong(MtgRow::trackId))
              .limit(100)
              .map(MtgRow::trackId)
              .toList();
      SearchResult r = search.tracks(TrackQuery.builder().fuzzyTags(wanted).page(0, 100).build());
      assertThat(r.ids()).containsExactlyElementsOf(expected);
      assertThat(r.total()).isEqualTo(matching.size());
    }

    @Test
    void albumFilterAndRealIds() {
      MtgRow first = rows.get(0);
      List<Long> expected =
          rows.stream()
              .filter(r -> r.albumId() == first.albumId())
              .map(MtgRow::trackId)
              .sorted()
              .toList();
      assertThat(
              search
                  .tracks(
                      TrackQuery.builder().albumIds(List.of(first.albumId())).page(0, 500).build())
                  .ids())
          .containsExactlyElementsOf(expected);
      assertThat(search.tracks(TrackQuery.builder().ids(948L).build()).ids()).containsExactly(948L);
    }
  }
}
