package dev.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.StaveApplication;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The in-process half of {@code bench/jamendo-load.sh}: runs the request paths the script sent over
 * HTTP directly through the Jamendo methods (index query, store reads, result maps; no HTTP, no
 * rendering) on the same data directory, with as many threads as wrk used, and prints p50, p99 and
 * throughput per query family. Not part of the regular suite: it needs {@code -Dstave.bench=true
 * -Dstave.bench.data-dir=DIR -Dstave.bench.paths-dir=DIR}.
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class JamendoQueryBenchmark {
  /**
   * The families of {@code bench/jamendo-load.sh}, and {@code tracks_by_id_uniform} when its list
   * exists: ids drawn uniformly from the whole catalog, more than any cache holds, for the cost of
   * a page whose entities were not asked for recently (issue 15 item 1: cache against stored
   * fields). {@code -Dstave.bench.mixes=a,b} runs only those.
   */
  private static final List<String> ALL_MIXES =
      List.of(
          "tracks_by_id",
          "tracks_by_id_uniform",
          "tag_musicinfo_popularity",
          "search",
          "autocomplete",
          "similar");

  private static final List<String> MIXES =
      List.of(System.getProperty("stave.bench.mixes", String.join(",", ALL_MIXES)).split(","));

  /**
   * Per family; on a loaded 2-core machine 5 s leave the first family partly interpreted, so the
   * issue 15 comparisons ran with {@code -Dstave.bench.warmup-seconds=20}.
   */
  private static final long WARM_UP_NANOS =
      TimeUnit.SECONDS.toNanos(Long.getLong("stave.bench.warmup-seconds", 5));

  private static final long MEASURE_NANOS =
      TimeUnit.SECONDS.toNanos(Long.getLong("stave.bench.seconds", 15));

  /**
   * CPU time of the calling thread: on a shared machine wall-clock latencies mostly measure the
   * queue for a core, CPU time per call still compares two builds.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void sameQueriesInProcess() throws Exception {
    Path data = Path.of(System.getProperty("stave.bench.data-dir"));
    Path paths = Path.of(System.getProperty("stave.bench.paths-dir"));
    int threads = Integer.getInteger("stave.bench.threads", 2);
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext ctx =
        app.run(
            "--stave.data-dir=" + data,
            "--stave.public-url=http://bench.invalid",
            "--logging.level.root=WARN")) {
      System.out.printf(
          Locale.ROOT,
          "settings: entity-cache=%s stored-entities=%s, %d threads, load %s%n",
          ctx.getEnvironment().getProperty("stave.catalog.entity-cache", "true"),
          ctx.getEnvironment().getProperty("stave.search.stored-entities", "false"),
          threads,
          loadAverage());
      Map<String, JamendoMethod> methods = new LinkedHashMap<>();
      ctx.getBeansOfType(JamendoMethod.class).values().forEach(m -> methods.put(m.path(), m));
      for (String mix : MIXES) {
        Path file = paths.resolve(mix + ".paths");
        if (!Files.exists(file)) {
          continue;
        }
        List<Call> calls = calls(file, methods);
        if (calls.isEmpty()) {
          System.out.println("in-process " + mix + " skipped: no such method in this build");
          continue;
        }
        run(calls, threads, WARM_UP_NANOS, 0);
        // The measurement starts half-way through the list: in a list longer than the warm-up
        // gets through (tracks_by_id_uniform), it then asks for entities not asked for before.
        long[][] measured = run(calls, threads, MEASURE_NANOS, calls.size() / 2);
        long[] latencies = measured[0];
        long[] cpu = measured[1];
        Arrays.sort(latencies);
        Arrays.sort(cpu);
        assertThat(latencies).isNotEmpty();
        System.out.printf(
            Locale.ROOT,
            "in-process %s p50 %.3f p99 %.3f ms, %,.0f ops/s; CPU per call p50 %.3f p99 %.3f ms%n",
            mix,
            latencies[latencies.length / 2] / 1e6,
            latencies[(int) (latencies.length * 0.99)] / 1e6,
            latencies.length / (MEASURE_NANOS / 1e9),
            cpu[cpu.length / 2] / 1e6,
            cpu[(int) (cpu.length * 0.99)] / 1e6);
      }
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private record Call(JamendoMethod method, Map<String, String[]> query) {}

  private static List<Call> calls(Path file, Map<String, JamendoMethod> methods)
      throws IOException {
    List<Call> calls = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      String[] pathAndQuery = line.split("\\?", 2);
      JamendoMethod m = methods.get(pathAndQuery[0].replaceFirst("^/v3\\.0/", ""));
      if (m == null) {
        continue;
      }
      Map<String, String[]> query = new LinkedHashMap<>();
      for (String pair : pathAndQuery.length > 1 ? pathAndQuery[1].split("&") : new String[0]) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            new String[] {URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)});
      }
      calls.add(new Call(m, query));
    }
    return calls;
  }

  /**
   * Runs the calls round-robin from {@code start} on {@code threads} threads for {@code nanos};
   * their latencies and their CPU times.
   */
  private static long[][] run(List<Call> calls, int threads, long nanos, int start)
      throws Exception {
    long end = System.nanoTime() + nanos;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<long[][]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = start + t;
        parts.add(
            pool.submit(
                () -> {
                  long[] out = new long[1 << 16];
                  long[] cpu = new long[out.length];
                  int n = 0;
                  for (int i = offset; System.nanoTime() < end; i += threads) {
                    Call c = calls.get(i % calls.size());
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    c.method().execute(JamendoParams.of(c.query()));
                    long t1 = System.nanoTime();
                    if (n == out.length) {
                      out = Arrays.copyOf(out, n * 2);
                      cpu = Arrays.copyOf(cpu, n * 2);
                    }
                    cpu[n] = THREADS.getCurrentThreadCpuTime() - c0;
                    out[n++] = t1 - t0;
                  }
                  return new long[][] {Arrays.copyOf(out, n), Arrays.copyOf(cpu, n)};
                }));
      }
      List<long[][]> all = new ArrayList<>();
      for (Future<long[][]> f : parts) {
        all.add(f.get());
      }
      return new long[][] {
        all.stream().flatMapToLong(a -> Arrays.stream(a[0])).toArray(),
        all.stream().flatMapToLong(a -> Arrays.stream(a[1])).toArray()
      };
    }
  }
}
