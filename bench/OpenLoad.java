/*
 * The load generator of bench/open-load.sh (run by the JDK's source launcher with HdrHistogram on
 * the class path, no build step): sends GET requests from a list of paths to one server, either
 *
 *   closed N  — N callers, each sending its next request when the last answer arrived (what wrk
 *               does): gives the maximum throughput; its latencies are queueing at that maximum;
 *   open R    — R requests per second at fixed intended send times (request i at start + i/R),
 *               however slowly the server answers: an open workload, as callers who do not wait
 *               for each other arrive. Latency is measured from the INTENDED send time, not from
 *               when the request actually went out, so a stall of the server (or of this tool)
 *               counts against every request that should have been sent during it: coordinated
 *               omission is avoided (Gil Tene's correction, by construction rather than after the
 *               fact).
 *
 * Prints one line: mode, requests/s achieved, p50/p99/p99.9/max in ms (HdrHistogram, 3 significant
 * digits), errors (connection failures, non-200 answers, Jamendo "status":"failed" envelopes), and
 * this process's own CPU time per second of run, so a reader can see what the load cost the box.
 *
 * Why not Gatling: its Java DSL does resolve from Maven Central (gatling-core-java 3.13.5 was
 * fetched with `mvnw dependency:get`), but it brings Scala, Netty and Pekko, a plugin and a
 * simulation class into a bench profile, and measures latency from the actual send; this one file
 * needs only HdrHistogram (the script fetches it with `mvnw dependency:get`) and
 * measures from the intended send. It is the "equivalent open-model tool" the issue allows.
 *
 * Usage: java -cp HdrHistogram.jar bench/OpenLoad.java BASE_URL PATHS_FILE (closed N | open R)
 *        SECONDS [WARMUP_SECONDS]
 */
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

public class OpenLoad {
  private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final String base;
  private final List<String> paths;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong next = new AtomicLong();

  OpenLoad(String base, List<String> paths) {
    this.base = base;
    this.paths = paths;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    List<String> paths =
        Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
    String mode = args[2];
    double amount = Double.parseDouble(args[3]);
    long seconds = Long.parseLong(args[4]);
    long warmup = args.length > 5 ? Long.parseLong(args[5]) : 0;
    OpenLoad load = new OpenLoad(base, paths);
    if (warmup > 0) {
      load.run(mode, amount, warmup);
    }
    load.errors.set(0);
    long cpu0 = cpuNanos();
    Result r = load.run(mode, amount, seconds);
    double cpuPerSecond = (cpuNanos() - cpu0) / 1e9 / r.seconds;
    Histogram h = r.histogram;
    System.out.printf(
        Locale.ROOT,
        "%s %s %.0f: %.1f req/s, p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms, %d errors,"
            + " load generator CPU %.2f cores%n",
        args[1].replaceAll(".*/", "").replace(".paths", ""),
        mode,
        amount,
        h.getTotalCount() / r.seconds,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6,
        load.errors.get(),
        cpuPerSecond);
    System.exit(0);
  }

  private record Result(Histogram histogram, double seconds) {}

  private Result run(String mode, double amount, long seconds) throws Exception {
    Recorder recorder = new Recorder(MAX_TRACKED_NANOS, 3);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      if (mode.equals("closed")) {
        for (int c = 0; c < (int) amount; c++) {
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  send();
                  recorder.recordValue(Math.min(MAX_TRACKED_NANOS, System.nanoTime() - t0));
                }
              });
        }
      } else if (mode.equals("open")) {
        double interval = 1e9 / amount;
        for (long i = 0; ; i++) {
          long intended = start + (long) (i * interval);
          if (intended >= end) {
            break;
          }
          long wait = intended - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          pool.submit(
              () -> {
                send();
                recorder.recordValue(Math.min(MAX_TRACKED_NANOS, System.nanoTime() - intended));
              });
        }
      } else {
        throw new IllegalArgumentException("mode: closed N or open R, not " + mode);
      }
    } // waits for the requests in flight: their latency counts too
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(recorder.getIntervalHistogram(), Math.max(elapsed, seconds));
  }

  private void send() {
    String path = paths.get((int) (next.getAndIncrement() % paths.size()));
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || head(r.body()).contains("\"status\":\"failed\"")) {
        errors.incrementAndGet();
      }
    } catch (Exception e) {
      errors.incrementAndGet();
    }
  }

  private static String head(String body) {
    return body.substring(0, Math.min(200, body.length()));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
