package dev.stave.bench;

import dev.stave.testsupport.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Page load times of the explorer on a running server (the 1M-track demo catalog for
 * docs/performance.md): for each page type, distinct pages picked at random ids, timed over HTTP
 * (time to the whole body: the server's time plus loopback) and in Chromium (the Navigation Timing
 * of a full load: response start, DOM ready, load). Not part of the regular suite: {@code
 * -Dstave.bench=true -Dstave.bench.url=http://127.0.0.1:PORT [-Dstave.bench.pages=20]}.
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class ExplorerPageBenchmark {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base = System.getProperty("stave.bench.url", "");
  private final int pages = Integer.getInteger("stave.bench.pages", 20);
  private final SplittableRandom random = new SplittableRandom(7);

  private int status(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** {@code n} paths {@code prefix + id} that exist, ids drawn below {@code max}. */
  private List<String> existing(String prefix, long max, int n) throws Exception {
    List<String> out = new ArrayList<>();
    for (int tries = 0; out.size() < n && tries < n * 20; tries++) {
      String path = prefix + (1 + random.nextLong(max));
      if (status(path) == 200) {
        out.add(path);
      }
    }
    return out;
  }

  @Test
  void explorerPages() throws Exception {
    Map<String, List<String>> types = new LinkedHashMap<>();
    types.put("browse /search", List.of("/search"));
    types.put("artist", existing("/artists/", 66_000, pages));
    types.put("album", existing("/albums/", 196_000, pages));
    types.put("track", existing("/tracks/", 1_000_000, pages));
    types.put("playlist", existing("/playlists/", 20_000, pages));
    types.put("radios", List.of("/radios"));
    List<String> words =
        List.of("rain", "night", "blue", "love", "city", "gold", "fire", "dream", "rock", "jazz");
    types.put("search ?q=", words.stream().map(w -> "/search?q=" + w).toList());
    types.put("search page 3", words.stream().map(w -> "/search?q=" + w + "&tracks=3").toList());
    types.put("tag page", List.of("/search?tag=rock", "/search?tag=pop", "/search?tag=jazz"));
    types.put(
        "suggest",
        List.of(
            "/search/suggest?q=ra",
            "/search/suggest?q=nig",
            "/search/suggest?q=bl",
            "/search/suggest?q=lov",
            "/search/suggest?q=ci",
            "/search/suggest?q=go"));

    System.out.println("\nHTTP (ms, first view of each page, then a second view)");
    System.out.printf(
        Locale.ROOT, "%-16s %5s %8s %8s %8s %8s%n", "page", "n", "p50", "p90", "max", "2nd p50");
    for (var e : types.entrySet()) {
      List<Double> first = new ArrayList<>();
      List<Double> second = new ArrayList<>();
      for (String p : e.getValue()) {
        first.add(time(p));
        second.add(time(p));
      }
      System.out.printf(
          Locale.ROOT,
          "%-16s %5d %8.1f %8.1f %8.1f %8.1f%n",
          e.getKey(),
          first.size(),
          pct(first, 50),
          pct(first, 90),
          pct(first, 100),
          pct(second, 50));
    }

    System.out.println("\nChromium full loads (ms, median): response start, DOM ready, load");
    try (Browser browser = Browser.open(base)) {
      for (var e : types.entrySet()) {
        if (e.getKey().equals("suggest")) {
          continue;
        }
        List<Double> ttfb = new ArrayList<>();
        List<Double> dom = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (String p : e.getValue().subList(0, Math.min(5, e.getValue().size()))) {
          browser.go(p);
          @SuppressWarnings("unchecked")
          Map<String, Object> t =
              (Map<String, Object>)
                  browser.script(
                      "const n = performance.getEntriesByType('navigation')[0];"
                          + " return {ttfb: n.responseStart - n.requestStart,"
                          + " dom: n.domContentLoadedEventEnd - n.startTime,"
                          + " load: n.loadEventEnd - n.startTime};");
          ttfb.add(((Number) t.get("ttfb")).doubleValue());
          dom.add(((Number) t.get("dom")).doubleValue());
          load.add(((Number) t.get("load")).doubleValue());
        }
        System.out.printf(
            Locale.ROOT,
            "%-16s %8.0f %8.0f %8.0f%n",
            e.getKey(),
            pct(ttfb, 50),
            pct(dom, 50),
            pct(load, 50));
      }
    }
  }

  private double time(String path) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode());
    }
    return ms;
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
