package dev.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.StaveApplication;
import dev.stave.catalog.CatalogStore;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRenderer;
import dev.stave.subsonic.api.SubsonicRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The in-process half of {@code bench/subsonic-load.sh}, for the targets of issue 16 ("search3 and
 * getAlbumList2 p99 < 50 ms in process"): runs the Subsonic methods a player calls most — {@code
 * search3} for a word, the empty {@code search3} a library sync pages through (shallow and deep
 * pages), {@code getAlbumList2} of every list type, {@code getRandomSongs} with a genre, {@code
 * getArtists} — straight through the method beans and the JSON renderer (the answer as it goes on
 * the wire, without HTTP and authentication), one call at a time, and prints p50 and p99 latency
 * and CPU time per call for each family. Not part of the regular suite: it needs {@code
 * -Dstave.bench=true -Dstave.bench.data-dir=DIR} (a copy of a demo catalog: it writes ratings and
 * scrobbles of one user so that {@code highest} and {@code recent} have something to list); {@code
 * -Dstave.bench.n} calls per family (default 300).
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class SubsonicQueryBenchmark {
  /**
   * CPU time of the calling thread: on a shared machine it compares builds where latency does not.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Random random = new Random(16);

  @Test
  void playerCallsInProcess() throws Exception {
    String data = System.getProperty("stave.bench.data-dir");
    int n = Integer.getInteger("stave.bench.n", 300);
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext ctx =
        app.run(
            "--stave.data-dir=" + data,
            "--stave.public-url=http://bench.invalid",
            "--logging.level.root=WARN")) {
      Map<String, SubsonicMethods.Method> methods = new HashMap<>();
      ctx.getBeansOfType(SubsonicMethods.class).values().forEach(g -> methods.putAll(g.methods()));
      SubsonicRenderer renderer = ctx.getBean(SubsonicRenderer.class);
      CatalogStore store = ctx.getBean(CatalogStore.class);
      long user = benchUser(ctx);
      Caller call = new Caller(methods, renderer, user);

      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int artists = call.json("getArtists", Map.of()).length();
      long first = System.nanoTime() - t0;
      long firstCpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      t0 = System.nanoTime();
      call.json("getArtists", Map.of());
      long cached = System.nanoTime() - t0;
      t0 = System.nanoTime();
      call.json("getIndexes", Map.of("f", "xml"));
      long indexes = System.nanoTime() - t0;
      System.out.printf(
          Locale.ROOT,
          "getArtists: %,d chars of JSON, first call %.0f ms (CPU %.0f ms), then %.1f ms;"
              + " getIndexes (XML) %.1f ms%n",
          artists,
          first / 1e6,
          firstCpu / 1e6,
          cached / 1e6,
          indexes / 1e6);

      // seed the user's ratings and plays, and sample words and genres from the catalog
      for (long album : store.randomIds(CatalogStore.ALBUMS, 300)) {
        call.run("setRating", Map.of("id", "al-" + album, "rating", "" + (1 + random.nextInt(5))));
      }
      for (long track : store.randomIds(CatalogStore.TRACKS, 300)) {
        call.run("scrobble", Map.of("id", "" + track));
      }
      long tracks = store.count(CatalogStore.TRACKS);
      long albums = store.count(CatalogStore.ALBUMS);
      List<String> words = new ArrayList<>();
      for (long track : store.randomIds(CatalogStore.TRACKS, 200)) {
        for (String w : store.findTracks(List.of(track)).getFirst().name().split("\\s+")) {
          if (w.length() > 3) {
            words.add(w);
          }
        }
      }
      List<String> genres =
          store.findTracks(store.randomIds(CatalogStore.TRACKS, 200)).stream()
              .flatMap(t -> t.tags().stream())
              .filter(t -> "genre".equals(t.category()))
              .map(t -> t.name())
              .distinct()
              .limit(20)
              .toList();

      Map<String, Supplier<Map<String, String>>> families = new LinkedHashMap<>();
      families.put("ping (baseline)", () -> Map.of());
      families.put("search3 word", () -> Map.of("query", pick(words)));
      families.put(
          "search3 empty, page < 100k",
          () -> Map.of("query", "", "songCount", "100", "songOffset", "" + random.nextInt(99_000)));
      families.put(
          "search3 empty, any page of 1M",
          () -> syncPage(random.nextLong(Math.max(1, tracks - 500))));
      families.put(
          "search3 empty, deepest pages",
          () -> syncPage(Math.max(0, tracks - 500 - random.nextInt(5_000))));
      for (String type :
          List.of(
              "newest",
              "alphabeticalByName",
              "alphabeticalByArtist",
              "frequent",
              "random",
              "highest",
              "recent",
              "starred")) {
        // the user's own lists (300 rated, 300 played) are paged within what they hold
        int deepest = List.of("highest", "recent", "starred").contains(type) ? 250 : 5_000;
        families.put(
            "getAlbumList2 " + type,
            () ->
                Map.of(
                    "type",
                    type,
                    "size",
                    "50",
                    "offset",
                    "" + random.nextInt((int) Math.min(deepest, Math.max(1, albums - 50)))));
      }
      families.put(
          "getAlbumList2 byGenre",
          () -> Map.of("type", "byGenre", "size", "50", "genre", pick(genres)));
      families.put(
          "getAlbumList2 byGenre deep",
          () ->
              Map.of(
                  "type",
                  "byGenre",
                  "size",
                  "50",
                  "genre",
                  pick(genres),
                  "offset",
                  "" + random.nextInt(5_000)));
      families.put(
          "getAlbumList2 byYear",
          () -> {
            int from = 2005 + random.nextInt(20);
            return Map.of(
                "type",
                "byYear",
                "size",
                "50",
                "fromYear",
                "" + from,
                "toYear",
                "" + (from + random.nextInt(3)));
          });
      families.put("getRandomSongs genre", () -> Map.of("size", "50", "genre", pick(genres)));
      families.put(
          "getRandomSongs years",
          () -> {
            int from = 2005 + random.nextInt(20);
            return Map.of("size", "50", "fromYear", "" + from, "toYear", "" + (from + 2));
          });

      System.out.printf(
          Locale.ROOT,
          "%-32s %9s %9s %12s %12s%n",
          "family",
          "p50 ms",
          "p99 ms",
          "CPU p50 ms",
          "CPU p99 ms");
      for (Map.Entry<String, Supplier<Map<String, String>>> f : families.entrySet()) {
        String method = f.getKey().split(" ")[0];
        for (int i = 0; i < 30; i++) {
          call.json(method, f.getValue().get()); // warm-up
        }
        long[] wall = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
          Map<String, String> q = f.getValue().get();
          long c0 = THREADS.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          call.json(method, q);
          wall[i] = System.nanoTime() - w0;
          cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        assertThat(wall).isNotEmpty();
        System.out.printf(
            Locale.ROOT,
            "%-32s %9.2f %9.2f %12.2f %12.2f%n",
            f.getKey(),
            wall[n / 2] / 1e6,
            wall[(int) (n * 0.99)] / 1e6,
            cpu[n / 2] / 1e6,
            cpu[(int) (n * 0.99)] / 1e6);
      }
    }
  }

  /** 500 songs from {@code offset}: a page of a player's library sync (the empty search3). */
  private static Map<String, String> syncPage(long offset) {
    return Map.of(
        "query",
        "",
        "artistCount",
        "0",
        "albumCount",
        "0",
        "songCount",
        "500",
        "songOffset",
        "" + offset);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** A user of the demo catalog (the demo makes users; else user 1). */
  private static long benchUser(ConfigurableApplicationContext ctx) {
    Long id =
        ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
            .queryForObject("SELECT MIN(id) FROM users", Long.class);
    return id == null ? 1 : id;
  }

  /** Calls a method as the controller does after authentication, and renders its answer. */
  private record Caller(
      Map<String, SubsonicMethods.Method> methods, SubsonicRenderer renderer, long user) {
    Node run(String method, Map<String, String> query) throws Exception {
      Map<String, String[]> params = new HashMap<>();
      query.forEach((k, v) -> params.put(k, new String[] {v}));
      return methods
          .get(method)
          .run(
              new SubsonicRequest(
                  params, new SubsonicRequest.Caller(user, "bench", "bench"), null, null));
    }

    String json(String method, Map<String, String> query) throws Exception {
      String format = query.getOrDefault("f", "json");
      return renderer.ok(run(method, query), format, null).body();
    }
  }
}
