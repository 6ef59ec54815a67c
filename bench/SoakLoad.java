/*
 * The load and the sampler of bench/soak.sh (run by the JDK's source launcher, no build step):
 * closed-loop workers per kind of request against one server on loopback, for a bounded time and
 * a bounded number of requests, while a sampler writes the server's heap, RSS, open descriptors and
 * threads every few seconds, with each kind's requests/s since the last sample, to a CSV.
 *
 * Why Java and not wrk: the mix needs state (a setuser write alternates with its undo, so the
 * tables stay the same size; streams move from first-time transcodes to cached renditions; uploads
 * are multipart), the errors must be counted by the dialect's own notion of failure (a Jamendo
 * error is HTTP 200 with "status":"failed"), and wrk is not installed on every machine.
 *
 * Usage: java bench/SoakLoad.java WORKDIR BASE_URL SERVER_PID
 * WORKDIR holds the inputs soak.sh prepared (*.paths, writes.paths, streams.paths, upload.mp3,
 * token.txt) and receives samples.csv, errors.txt and summary.txt. Settings (system properties):
 * duration (s, 600), interval (s, 5), maxRequests (2000000), freshEvery (s between first-time
 * transcodes, 2), uploadEvery (s between uploads per worker, 2).
 */
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class SoakLoad {
  /** One kind of request: its workers, counters and how to make and judge a request. */
  interface Kind {
    String name();

    int workers();

    /** Sends one request; returns null when it succeeded, else what went wrong. */
    String call(Random rnd) throws Exception;
  }

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static String base;
  static final long START = System.nanoTime();

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    base = args[1];
    long pid = Long.parseLong(args[2]);
    long duration = Long.getLong("duration", 600);
    long interval = Long.getLong("interval", 5);
    long maxRequests = Long.getLong("maxRequests", 2_000_000);
    long freshEveryMs = Long.getLong("freshEvery", 2) * 1000;
    long uploadEveryMs = Long.getLong("uploadEvery", 2) * 1000;

    List<String> jamendo = Files.readAllLines(work.resolve("jamendo.paths"));
    List<String> reccobeats = Files.readAllLines(work.resolve("reccobeats.paths"));
    List<String> writes = Files.readAllLines(work.resolve("writes.paths"));
    List<String> fresh = new ArrayList<>(Files.readAllLines(work.resolve("streams.paths")));
    Collections.shuffle(fresh, new Random(11));
    ConcurrentLinkedQueue<String> freshQueue = new ConcurrentLinkedQueue<>(fresh);
    List<String> served = new CopyOnWriteArrayList<>();
    byte[] upload = Files.readAllBytes(work.resolve("upload.mp3"));
    String token = Files.readString(work.resolve("token.txt")).strip();
    AtomicLong nextFresh = new AtomicLong(0);

    List<Kind> kinds =
        List.of(
            kind("jamendo_read", 3, rnd -> jamendoGet(pick(jamendo, rnd))),
            kind("reccobeats_read", 3, rnd -> plainGet(pick(reccobeats, rnd), false)),
            kind("setuser_write", 2, new Writes(writes, token)::next),
            kind(
                "stream",
                2,
                rnd -> {
                  String url = null;
                  long now = elapsedMs();
                  long due = nextFresh.get();
                  if ((now >= due && nextFresh.compareAndSet(due, now + freshEveryMs))
                      || served.isEmpty()) {
                    url = freshQueue.poll(); // a rendition never asked for: a first-time transcode
                  }
                  if (url == null) {
                    if (served.isEmpty()) {
                      return null; // nothing streamed yet and nothing fresh: idle this turn
                    }
                    url = pick(served, rnd);
                  }
                  String err = plainGet(url, true);
                  if (err == null && !served.contains(url)) {
                    served.add(url);
                  }
                  return err;
                }),
            kind(
                "upload",
                1,
                rnd -> {
                  String err = multipart("/v1/analysis/audio-features", "audioFile", upload);
                  Thread.sleep(uploadEveryMs);
                  return err;
                }));

    Map<String, LongAdder> done = new LinkedHashMap<>();
    Map<String, LongAdder> failed = new LinkedHashMap<>();
    for (Kind k : kinds) {
      done.put(k.name(), new LongAdder());
      failed.put(k.name(), new LongAdder());
    }
    AtomicLong total = new AtomicLong();
    long endNanos = START + Duration.ofSeconds(duration).toNanos();
    PrintWriter errors =
        new PrintWriter(Files.newBufferedWriter(work.resolve("errors.txt")), true);
    List<Thread> threads = new ArrayList<>();
    int seed = 0;
    for (Kind k : kinds) {
      for (int i = 0; i < k.workers(); i++) {
        Random rnd = new Random(1000 + seed++);
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (System.nanoTime() < endNanos && total.incrementAndGet() <= maxRequests) {
                        String err;
                        try {
                          err = k.call(rnd);
                        } catch (Exception e) {
                          err = e.toString();
                        }
                        if (err == null) {
                          done.get(k.name()).increment();
                        } else {
                          failed.get(k.name()).increment();
                          errors.printf("%.1f %s %s%n", elapsedMs() / 1000.0, k.name(), err);
                        }
                      }
                    }));
      }
    }

    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(work.resolve("samples.csv")))) {
      StringBuilder head = new StringBuilder("t_s");
      for (Kind k : kinds) {
        head.append(',').append(k.name()).append("_per_s");
      }
      csv.println(
          head
              + ",errors,heap_used_mb,heap_live_mb,rss_mb,rss_anon_mb,fds,threads,ffmpeg_children,"
              + "transcodes_waiting,load1");
      Map<String, Long> last = new LinkedHashMap<>();
      kinds.forEach(k -> last.put(k.name(), 0L));
      long lastT = elapsedMs();
      while (threads.stream().anyMatch(Thread::isAlive)) {
        // The next sample when the interval is over or when the workers have stopped, whichever
        // comes first: the last sample then covers the time the load ran, not idle time after it.
        long sampleAt = System.nanoTime() + Duration.ofSeconds(interval).toNanos();
        for (Thread w : threads) {
          long left = sampleAt - System.nanoTime();
          if (left > 0) {
            w.join(Duration.ofNanos(left));
          }
        }
        long t = elapsedMs();
        StringBuilder row = new StringBuilder(String.format("%.1f", t / 1000.0));
        long errs = 0;
        for (Kind k : kinds) {
          long n = done.get(k.name()).sum();
          row.append(String.format(",%.2f", (n - last.get(k.name())) * 1000.0 / (t - lastT)));
          last.put(k.name(), n);
          errs += failed.get(k.name()).sum();
        }
        lastT = t;
        row.append(',').append(errs);
        row.append(String.format(",%.1f", metric("jvm.memory.used?tag=area:heap") / 1048576));
        row.append(String.format(",%.1f", metric("jvm.gc.live.data.size") / 1048576));
        // RSS counts the memory-mapped index pages the queries touched; RssAnon (heap, metaspace,
        // native buffers) is where a leak would show.
        row.append(String.format(",%.1f", statusKb(pid, "VmRSS:") / 1024.0));
        row.append(String.format(",%.1f", statusKb(pid, "RssAnon:") / 1024.0));
        row.append(',').append(count(Path.of("/proc/" + pid + "/fd")));
        row.append(String.format(",%.0f", metric("jvm.threads.live")));
        row.append(',').append(ffmpegChildren(pid));
        row.append(String.format(",%.0f", metric("stave.audio.transcodes.waiting")));
        row.append(',').append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        csv.println(row);
        csv.flush();
        System.out.println(row);
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    try (PrintWriter sum = new PrintWriter(Files.newBufferedWriter(work.resolve("summary.txt")))) {
      double secs = elapsedMs() / 1000.0;
      sum.printf("duration: %.0f s, requests: %d%n", secs, Math.min(total.get(), maxRequests));
      long errs = 0;
      for (Kind k : kinds) {
        long n = done.get(k.name()).sum();
        long f = failed.get(k.name()).sum();
        errs += f;
        sum.printf(
            "%-16s %8d ok %6d errors %9.1f req/s (%d workers)%n",
            k.name(), n, f, n / secs, k.workers());
      }
      sum.printf("errors: %d%n", errs);
      sum.printf("first-time transcodes left unrequested: %d%n", freshQueue.size());
    }
    errors.close();
    System.out.print(Files.readString(work.resolve("summary.txt")));
  }

  static Kind kind(String name, int workers, Call call) {
    return new Kind() {
      public String name() {
        return name;
      }

      public int workers() {
        return workers;
      }

      public String call(Random rnd) throws Exception {
        return call.call(rnd);
      }
    };
  }

  interface Call {
    String call(Random rnd) throws Exception;
  }

  /** setuser writes with the OAuth token, each followed later by its undo (un-fan, …). */
  static final class Writes {
    private final List<String> paths;
    private final String token;
    private final AtomicLong n = new AtomicLong();

    Writes(List<String> paths, String token) {
      this.paths = paths;
      this.token = token;
    }

    String next(Random rnd) throws Exception {
      // writes.paths alternates a method and its undo on the same target: walking it in order
      // keeps the user's library the same size however long the soak runs.
      String path = paths.get((int) (n.getAndIncrement() % paths.size()));
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return jamendoVerdict(path, r);
    }
  }

  static String pick(List<String> list, Random rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  static long elapsedMs() {
    return (System.nanoTime() - START) / 1_000_000;
  }

  static String jamendoGet(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return jamendoVerdict(path, r);
  }

  /** A Jamendo answer succeeded when it is HTTP 200 with "status":"success" in its headers. */
  static String jamendoVerdict(String path, HttpResponse<String> r) {
    if (r.statusCode() == 200 && r.body().contains("\"status\":\"success\"")) {
      return null;
    }
    return r.statusCode() + " " + path + " " + abbreviate(r.body());
  }

  /** GET whose success is a 2xx; the body is read to the end (a stream) or kept for the error. */
  static String plainGet(String path, boolean discard) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).build();
    if (discard) {
      HttpResponse<Void> r = HTTP.send(req, HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2 ? null : r.statusCode() + " " + path;
    }
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    return r.statusCode() / 100 == 2 ? null : r.statusCode() + " " + path + " " + abbreviate(r.body());
  }

  static String multipart(String path, String field, byte[] file) throws Exception {
    String boundary = "soak" + System.nanoTime();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"clip.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && r.body().contains("\"tempo\"")
        ? null
        : r.statusCode() + " " + path + " " + abbreviate(r.body());
  }

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

  /** A metric's value from the actuator; NaN when absent. */
  static double metric(String nameAndTags) {
    try {
      String[] parts = nameAndTags.split("\\?", 2);
      String url = base + "/actuator/metrics/" + parts[0] + (parts.length > 1 ? "?" + parts[1] : "");
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = VALUE.matcher(r.body());
      return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    } catch (IOException | InterruptedException e) {
      return Double.NaN;
    }
  }

  static long statusKb(long pid, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static long count(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  static long ffmpegChildren(long pid) {
    return ProcessHandle.of(pid)
        .map(
            p ->
                p.children()
                    .filter(c -> c.info().command().orElse("").contains("ffmpeg"))
                    .count())
        .orElse(0L);
  }
}
