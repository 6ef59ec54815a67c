package dev.stave.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.cli.StaveCommand;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Facet;
import dev.stave.search.FeatureVector;
import dev.stave.search.NeighbourQuery;
import dev.stave.search.NeighbourSearch;
import dev.stave.search.SearchIndex;
import dev.stave.search.TrackQuery;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurements behind docs/recommendation.md, not part of the regular suite: run with {@code ./mvnw
 * test -Dtest=RecommendationBenchmark -Dstave.bench=true} (the latency part also needs {@code
 * -Dstave.bench.data-dir=DIR}, a data directory holding a catalog, e.g. made by {@code stave demo
 * --tracks 1000000 --data DIR}). Prints figures; asserts only sanity.
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class RecommendationBenchmark {
  private static final int ROUNDS = 200;

  /** Latency of whole requests (store reads of the seeds included) against raw kNN. */
  @Test
  void latencyOnALargeCatalog() throws Exception {
    String dir = System.getProperty("stave.bench.data-dir");
    assumeTrue(dir != null, "set -Dstave.bench.data-dir to a data directory with a catalog");
    try (TestStore db = TestStores.sqlite(Path.of(dir))) {
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      index.open();
      try {
        long tracks = db.store().count("tracks");
        Recommender recommender =
            new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
        CatalogSearch search = new CatalogSearch(index);
        Random random = new Random(11);
        long[] seeds = random.longs(ROUNDS * 5L, 1, tracks + 1).toArray();
        System.out.printf(Locale.ROOT, "Recommendation latency, %,d tracks%n", tracks);
        System.out.println("| request | wall p50 ms | wall p99 | CPU p50 | CPU p99 | results |");
        NeighbourSearch neighbours = new NeighbourSearch(index);
        IntFunction<Track> seed = i -> db.store().findTracks(List.of(seeds[i])).get(0);
        latency(
            "candidates only: kNN, k=300 (NeighbourSearch)",
            i ->
                neighbours
                    .neighbours(
                        new NeighbourQuery(
                            null,
                            Set.of(seeds[i]),
                            null,
                            null,
                            FeatureVector.of(seed.apply(i).features()),
                            300,
                            null,
                            null,
                            0))
                    .size());
        latency(
            "candidates only: facets, top 300 (NeighbourSearch)",
            i ->
                neighbours
                    .neighbours(
                        new NeighbourQuery(
                            null,
                            Set.of(seeds[i]),
                            null,
                            null,
                            null,
                            0,
                            Facet.of(seed.apply(i)).stream()
                                .collect(Collectors.toMap(f -> f, f -> 1f)),
                            null,
                            300))
                    .size());
        latency(
            "raw kNN, k=10 (CatalogSearch.similarTo; seed features read from the store)",
            i -> {
              AudioFeatures f = db.store().findTracks(List.of(seeds[i])).get(0).features();
              return FeatureVector.of(f) == null
                  ? 0
                  : search
                      .tracks(TrackQuery.builder().similarTo(f).page(0, 10).build())
                      .hits()
                      .size();
            });
        latency(
            "tracks/similar: 1 seed, size 10, tag share 0.6",
            i ->
                recommender
                    .recommend(
                        RecommendationRequest.builder().seeds(seeds[i]).tagShare(0.6).build())
                    .items()
                    .size());
        latency(
            "recommendation: 3 seeds, 1 negative, energy+valence targets, weight 2, size 100",
            i ->
                recommender
                    .recommend(
                        RecommendationRequest.builder()
                            .seeds(seeds[i], seeds[i + ROUNDS], seeds[i + 2 * ROUNDS])
                            .negativeSeeds(List.of(seeds[i + 3 * ROUNDS]))
                            .targets(
                                new AudioFeatures(
                                    null, null, 0.8, null, null, null, null, null, null, null, 0.7))
                            .featureWeight(2)
                            .size(100)
                            .build())
                    .items()
                    .size());
        latency(
            "1 seed, size 10, filter vocalinstrumental=instrumental",
            i ->
                recommender
                    .recommend(
                        RecommendationRequest.builder()
                            .seeds(seeds[i])
                            .filter(TrackQuery.builder().vocalInstrumental("instrumental").build())
                            .build())
                    .items()
                    .size());
        // Two callers at once on two cores: the design target is p99 under concurrent load.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          long[] nanos = new long[ROUNDS];
          List<Future<?>> jobs = new ArrayList<>();
          for (int t = 0; t < 2; t++) {
            int from = t;
            jobs.add(
                pool.submit(
                    () -> {
                      for (int i = from; i < ROUNDS; i += 2) {
                        long start = System.nanoTime();
                        recommender.recommend(
                            RecommendationRequest.builder().seeds(seeds[i + ROUNDS]).build());
                        nanos[i] = System.nanoTime() - start;
                      }
                    }));
          }
          for (Future<?> f : jobs) {
            f.get();
          }
          print("tracks/similar, 2 concurrent callers", nanos, null, -1);
        } finally {
          pool.shutdown();
        }
      } finally {
        index.close();
      }
    }
  }

  /**
   * Wall time and the calling thread's CPU time per request: on a shared machine the CPU time is
   * what an idle machine's wall time would be close to (the search is single-threaded).
   */
  private static void latency(String label, IntFunction<Integer> request) {
    for (int i = 0; i < 50; i++) {
      var unused = request.apply(ROUNDS + i); // warm-up on other seeds
    }
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] nanos = new long[ROUNDS];
    long[] cpuNanos = new long[ROUNDS];
    long results = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long cpuStart = cpu.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      results += request.apply(i);
      nanos[i] = System.nanoTime() - start;
      cpuNanos[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
    }
    print(label, nanos, cpuNanos, results / (double) ROUNDS);
    assertThat(results).isPositive();
  }

  private static void print(String label, long[] nanos, long[] cpuNanos, double meanResults) {
    long[] t = nanos.clone();
    Arrays.sort(t);
    String cpu = "";
    if (cpuNanos != null) {
      long[] c = cpuNanos.clone();
      Arrays.sort(c);
      cpu =
          String.format(
              Locale.ROOT, "%.2f | %.2f", c[c.length / 2] / 1e6, c[(int) (c.length * 0.99)] / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %s | %s |%n",
        label,
        t[t.length / 2] / 1e6,
        t[(int) (t.length * 0.99)] / 1e6,
        cpu,
        meanResults < 0 ? "" : String.format(Locale.ROOT, "%.1f", meanResults));
  }

  // ------------------------------------------------------------------ quality

  /** What one list scored: share of tracks with the seeds' label, mean feature distance. */
  private record Quality(double sameLabel, double distance) {}

  private static final int TRIALS = 40;
  private static final int SIZE = 20;

  /**
   * Spotify features (8,124 songs plus the 377 ReccoBeats rows of three artists), imported with
   * {@code stave import spotify-csv}. The songs file has no genre column (its playlist columns were
   * dropped upstream), so the label is the artist of the three ReccoBeats exports: seeds are three
   * tracks of one artist.
   */
  @Test
  void qualityOnSpotifyFeatures(@TempDir Path dir) {
    Path songs = RealData.require(RealData.SPOTIFY_8K);
    List<String> artists = List.of("Arctic Monkeys", "Fleetwood Mac", "Taylor Swift");
    List<Path> files = new ArrayList<>(List.of(songs));
    for (String a : List.of("arctic_monkeys", "fleetwood_mac", "taylor_swift")) {
      files.add(RealData.require("reccobeats/features_" + a + "_2026.csv"));
    }
    importFiles("spotify-csv", dir, files);
    try (TestStore db = TestStores.sqlite(dir)) {
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      index.open();
      try {
        Recommender recommender =
            new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
        Map<Long, Track> all = new HashMap<>();
        db.store().forEachTrackPage(1000, page -> page.forEach(t -> all.put(t.id(), t)));
        List<Long> withFeatures =
            all.values().stream()
                .filter(t -> FeatureVector.of(t.features()) != null)
                .map(Track::id)
                .sorted()
                .toList();
        List<Long> popular =
            withFeatures.stream()
                .sorted(
                    Comparator.comparingDouble((Long id) -> -all.get(id).popularity())
                        .thenComparingLong(id -> id))
                .toList();
        Random random = new Random(5);
        System.out.printf(
            Locale.ROOT,
            "Spotify quality: %,d tracks with features; %d trials of %d per artist%n",
            withFeatures.size(),
            TRIALS,
            SIZE);
        System.out.println(
            "| seeds | engine: same artist | random | popular | engine: distance | random | popular |");
        Map<String, Long> artistIds = db.store().artistIdsByName(artists);
        Lists lists = new Lists(recommender, withFeatures, popular, all, random);
        for (String name : artists) {
          long artist = artistIds.get(name);
          List<Long> pool =
              withFeatures.stream().filter(id -> all.get(id).artistIds().contains(artist)).toList();
          double[] sums = new double[6];
          for (int trial = 0; trial < TRIALS; trial++) {
            lists.compare(
                pick(pool, 3, random), id -> all.get(id).artistIds().contains(artist), sums);
          }
          row(name + " (" + pool.size() + " tracks)", sums);
          assertThat(sums[0]).isGreaterThan(sums[1]);
        }
        // Any one seed: the distance columns are what counts
        double[] sums = new double[6];
        for (int trial = 0; trial < TRIALS; trial++) {
          lists.compare(pick(withFeatures, 1, random), id -> false, sums);
        }
        row("any one track", sums);
      } finally {
        index.close();
      }
    }
  }

  /**
   * MTG-Jamendo with the genre held out: the catalog is imported from the mood/theme and instrument
   * files only (tags, no features), and the genre file serves as the label the engine never sees.
   */
  @Test
  void qualityOnMtgJamendoHeldOutGenres(@TempDir Path dir) {
    Path genreFile = RealData.require(RealData.MTG_GENRE);
    importFiles(
        "mtg-jamendo",
        dir,
        List.of(
            RealData.require(RealData.MTG_MOODTHEME),
            RealData.require("jamendo/mtg-jamendo_autotagging_instrument.tsv.gz")));
    Map<Long, Set<String>> genres = new HashMap<>();
    for (RealData.MtgRow row : RealData.mtgRows(genreFile)) {
      genres.put(
          row.trackId(),
          row.tags().stream()
              .filter(t -> t.category().equals(Tag.GENRE))
              .map(Tag::name)
              .collect(Collectors.toSet()));
    }
    try (TestStore db = TestStores.sqlite(dir)) {
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      index.open();
      try {
        Recommender recommender =
            new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
        List<Long> labelled = new ArrayList<>();
        db.store()
            .forEachTrackPage(
                1000,
                page ->
                    page.stream()
                        .filter(t -> !t.tags().isEmpty() && genres.containsKey(t.id()))
                        .forEach(t -> labelled.add(t.id())));
        labelled.sort(null);
        Random random = new Random(9);
        System.out.printf(
            Locale.ROOT,
            "MTG-Jamendo held-out genres: %,d tagged tracks with a genre label; %d trials of %d%n",
            labelled.size(),
            TRIALS,
            SIZE);
        System.out.println("| genre (tracks) | engine: same genre | random |");
        for (String genre :
            List.of("electronic", "soundtrack", "ambient", "classical", "pop", "rock", "jazz")) {
          List<Long> pool = labelled.stream().filter(id -> genres.get(id).contains(genre)).toList();
          double engine = 0;
          double rnd = 0;
          for (int trial = 0; trial < TRIALS; trial++) {
            List<Long> seeds = pick(pool, 3, random);
            List<Long> list =
                recommender
                    .recommend(RecommendationRequest.builder().seeds(seeds).size(SIZE).build())
                    .trackIds();
            engine += share(list, id -> genres.getOrDefault(id, Set.of()).contains(genre));
            rnd +=
                share(
                    randomList(labelled, seeds, random),
                    id -> genres.getOrDefault(id, Set.of()).contains(genre));
          }
          System.out.printf(
              Locale.ROOT,
              "| %s (%,d) | %.3f | %.3f |%n",
              genre,
              pool.size(),
              engine / TRIALS,
              rnd / TRIALS);
          assertThat(engine).isGreaterThan(rnd);
        }
      } finally {
        index.close();
      }
    }
  }

  /** The engine's list and the two baselines for the same seeds. */
  private record Lists(
      Recommender recommender,
      List<Long> pool,
      List<Long> popular,
      Map<Long, Track> all,
      Random random) {

    /** Adds label shares (engine, random, popular) then distances in the same order to sums. */
    void compare(List<Long> seeds, java.util.function.LongPredicate label, double[] sums) {
      float[] centre = centre(seeds, all);
      List<Long> engine =
          recommender
              .recommend(RecommendationRequest.builder().seeds(seeds).size(SIZE).build())
              .trackIds();
      List<Long> rnd = randomList(pool, seeds, random);
      List<Long> pop = popular.stream().filter(id -> !seeds.contains(id)).limit(SIZE).toList();
      int k = 0;
      for (List<Long> list : List.of(engine, rnd, pop)) {
        Quality q = quality(list, label, centre, all);
        sums[k] += q.sameLabel();
        sums[k + 3] += q.distance();
        k++;
      }
    }
  }

  private static void importFiles(String format, Path dir, List<Path> files) {
    List<String> args = new ArrayList<>(List.of("import", format));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--data", dir.toString(), "--no-progress"));
    assertThat(StaveCommand.run(args.toArray(String[]::new))).isZero();
  }

  private static List<Long> pick(List<Long> pool, int n, Random random) {
    Set<Long> out = new java.util.LinkedHashSet<>();
    while (out.size() < Math.min(n, pool.size())) {
      out.add(pool.get(random.nextInt(pool.size())));
    }
    return List.copyOf(out);
  }

  private static List<Long> randomList(List<Long> pool, List<Long> seeds, Random random) {
    Set<Long> out = new java.util.LinkedHashSet<>();
    while (out.size() < SIZE) {
      long id = pool.get(random.nextInt(pool.size()));
      if (!seeds.contains(id)) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  private static float[] centre(List<Long> seeds, Map<Long, Track> all) {
    float[] c = new float[FeatureVector.DIMENSIONS];
    for (long id : seeds) {
      float[] v = FeatureVector.of(all.get(id).features());
      for (int i = 0; i < c.length; i++) {
        c[i] += v[i] / seeds.size();
      }
    }
    return c;
  }

  private static Quality quality(
      List<Long> list,
      java.util.function.LongPredicate label,
      float[] centre,
      Map<Long, Track> all) {
    double distance = 0;
    for (long id : list) {
      float[] v = FeatureVector.of(all.get(id).features());
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        s += (v[i] - centre[i]) * (v[i] - centre[i]);
      }
      distance += Math.sqrt(s);
    }
    return new Quality(share(list, label), list.isEmpty() ? Double.NaN : distance / list.size());
  }

  private static double share(List<Long> list, java.util.function.LongPredicate label) {
    return list.isEmpty() ? 0 : list.stream().filter(label::test).count() / (double) list.size();
  }

  private static void row(String label, double[] sums) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        label,
        sums[0] / TRIALS,
        sums[1] / TRIALS,
        sums[2] / TRIALS,
        sums[3] / TRIALS,
        sums[4] / TRIALS,
        sums[5] / TRIALS);
  }
}
