/*
 * The load generator of bench/open-load.sh (run by the JDK's source launcher, or compiled once with
 * javac, with HdrHistogram on the class path, no build step): sends GET requests from a list of
 * paths to one server, either
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
 * How it sends (the wrk2 model, chosen for its CPU cost): a fixed pool of persistent HTTP/1.1
 * keep-alive connections (closed: N; open: CONNECTIONS, by default enough to ride out a 50 ms stall
 * at the rate, at least 64), one request in flight on each, the request bytes built once per path,
 * and one selector thread that reads every answer and parses only what it must (status line,
 * Content-Length or chunked framing, Connection: close, the first bytes of the body). In open mode
 * the main thread parks until each intended time and writes the request on the next free
 * connection itself; when none is free the request waits in a backlog for the next answer, its
 * latency still running from its intended time, so queueing in the generator counts against
 * latency, and the line reports how often it happened ("queued in the generator"). Closed mode uses
 * the same connections and code, so both modes cost the same per request. Tomcat closes a
 * connection after 100 requests (Connection: close); it is then opened again, as wrk does.
 *
 * Measured (docs/performance.md, issue 15 item 2): about 15 us of CPU per request, against
 * ~0.2 ms for the first version (java.net.http.HttpClient and one virtual thread per request),
 * which on a 2-core box took most of a core at the rates measured and, pinned to its own core,
 * became the bottleneck itself. Blocking sockets on one platform thread per connection cost about
 * the same per request in a closed loop (14-21 us against 13-16 us) but an open workload would add a
 * hand-off from the timing thread to a connection's thread for every request; one selector thread
 * needs none.
 *
 * Errors counted: connection failures, non-200 answers, and Jamendo answers whose envelope says
 * "status":"failed" within the first 200 bytes of the body (the envelope's headers come first; only
 * those bytes are kept and scanned, so the check costs nearly nothing).
 *
 * Prints one line: name of the path list, mode, requests/s achieved, p50/p99/p99.9/max in ms
 * (HdrHistogram, 3 significant digits), errors, this process's own CPU time per second of run (so a
 * reader can see what the load cost the box), then the connections used and how many requests
 * waited for a free one.
 *
 * Why not Gatling: its Java DSL does resolve from Maven Central (gatling-core-java 3.13.5 was
 * fetched with `mvnw dependency:get`), but it brings Scala, Netty and Pekko, a plugin and a
 * simulation class into a bench profile, and measures latency from the actual send; this one file
 * needs only HdrHistogram (the script fetches it with `mvnw dependency:get`) and measures from the
 * intended send. It is the "equivalent open-model tool" the issue allows.
 *
 * Usage: java -cp HdrHistogram.jar bench/OpenLoad.java BASE_URL PATHS_FILE (closed N | open R)
 *        SECONDS [WARMUP_SECONDS [CONNECTIONS]]
 */
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

public class OpenLoad {
  private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** How long a run waits for its last answers before it counts them as errors. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);

  private static final int BODY_HEAD = 200;
  private static final byte[] FAILED = "\"status\":\"failed\"".getBytes(StandardCharsets.US_ASCII);

  private final InetSocketAddress address;
  private final byte[][] requests;
  private final Selector selector;
  private final List<Connection> connections = new ArrayList<>();
  private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /** Guards free, backlog and each connection's channel and busy state. */
  private final Object lock = new Object();

  private final ArrayDeque<Connection> free = new ArrayDeque<>();
  private final ArrayDeque<Long> backlog = new ArrayDeque<>();
  private int busy;
  private long queued;
  private int maxBacklog;
  private long reconnects;

  private volatile Recorder recorder;
  private volatile boolean open;
  private volatile long closedEnd;
  private volatile long issued = -1; // open mode: how many were issued, once all are

  OpenLoad(String base, List<String> paths, int connectionCount) throws IOException {
    URI uri = URI.create(base);
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    String host = uri.getHost() + ":" + uri.getPort();
    this.requests = new byte[paths.size()][];
    for (int i = 0; i < paths.size(); i++) {
      requests[i] =
          ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }
    this.selector = Selector.open();
    for (int c = 0; c < connectionCount; c++) {
      Connection conn = new Connection();
      connect(conn);
      connections.add(conn);
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    List<String> paths =
        Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
    String mode = args[2];
    double amount = Double.parseDouble(args[3]);
    long seconds = Long.parseLong(args[4]);
    long warmup = args.length > 5 ? Long.parseLong(args[5]) : 0;
    int connectionCount =
        switch (mode) {
          case "closed" -> (int) amount;
          case "open" -> args.length > 6 ? Integer.parseInt(args[6]) : defaultConnections(amount);
          default -> throw new IllegalArgumentException("mode: closed N or open R, not " + mode);
        };
    OpenLoad load = new OpenLoad(base, paths, connectionCount);
    if (warmup > 0) {
      load.run(mode, amount, warmup);
    }
    long cpu0 = cpuNanos();
    Result r = load.run(mode, amount, seconds);
    double cpuPerSecond = (cpuNanos() - cpu0) / 1e9 / r.seconds;
    Histogram h = r.histogram;
    System.out.printf(
        Locale.ROOT,
        "%s %s %.0f: %.1f req/s, p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms, %d errors,"
            + " load generator CPU %.2f cores (%d requests, %d connections, %d queued in the"
            + " generator, max backlog %d, %d reconnects)%n",
        args[1].replaceAll(".*/", "").replace(".paths", ""),
        mode,
        amount,
        h.getTotalCount() / r.seconds,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6,
        load.errors.get(),
        cpuPerSecond,
        h.getTotalCount(),
        connectionCount,
        r.queued,
        r.maxBacklog,
        r.reconnects);
    System.exit(0);
  }

  /**
   * Enough connections that the pool rides out a 50 ms stall of the server at the offered rate
   * without queueing in the generator (at least 64): a stall longer than that shows as "queued in
   * the generator", still counted from the intended send times. More connections cost the generator
   * nothing while idle, and make the workload closer to independent callers.
   */
  private static int defaultConnections(double rate) {
    return (int) Math.max(64, Math.ceil(rate / 20));
  }

  private record Result(
      Histogram histogram, double seconds, long queued, int maxBacklog, long reconnects) {}

  private Result run(String mode, double amount, long seconds) throws Exception {
    recorder = new Recorder(MAX_TRACKED_NANOS, 3);
    errors.set(0);
    open = mode.equals("open");
    issued = -1;
    synchronized (lock) {
      queued = 0;
      maxBacklog = 0;
      reconnects = 0;
      free.clear();
      if (open) {
        connections.stream().filter(c -> c.channel != null).forEach(free::addLast);
      }
    }
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    if (open) {
      Thread reader = Thread.ofPlatform().name("reader").start(() -> readUntilDone(end));
      double interval = 1e9 / amount;
      long i = 0;
      for (; ; i++) {
        long intended = start + (long) (i * interval);
        if (intended >= end) {
          break;
        }
        long wait = intended - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        issue(intended);
      }
      issued = i;
      selector.wakeup(); // the reader may be waiting for an answer that already came: recheck
      reader.join();
    } else {
      closedEnd = end;
      synchronized (lock) {
        for (Connection conn : connections) {
          if (conn.channel != null) {
            send(conn, System.nanoTime());
          }
        }
      }
      readUntilDone(end);
    } // the requests in flight at the end are waited for: their latency counts too
    double elapsed = (System.nanoTime() - start) / 1e9;
    synchronized (lock) {
      return new Result(
          recorder.getIntervalHistogram(),
          Math.max(elapsed, seconds),
          queued,
          maxBacklog,
          reconnects);
    }
  }

  /** Open mode, at a request's intended send time: the next free connection, else the backlog. */
  private void issue(long intended) {
    synchronized (lock) {
      Connection conn = free.pollFirst();
      if (conn == null) {
        backlog.addLast(intended);
        queued++;
        maxBacklog = Math.max(maxBacklog, backlog.size());
      } else {
        send(conn, intended);
      }
    }
  }

  /**
   * Writes the next request on an idle connection (holding the lock, so that the reader never sees
   * a connection half sent or reopens it under a writer). {@code startNanos} is where its latency is
   * measured from: the intended send time (open) or now (closed).
   */
  private void send(Connection conn, long startNanos) {
    byte[] request = requests[(int) (next.getAndIncrement() % requests.length)];
    conn.busy = true;
    busy++;
    conn.startNanos = startNanos;
    conn.out.clear();
    conn.out.put(request).flip();
    try {
      while (conn.out.hasRemaining()) { // an idle socket takes a few hundred bytes at once
        conn.channel.write(conn.out);
      }
    } catch (IOException e) {
      conn.broken = true;
      complete(conn, true); // the reader would see the closed socket too; the channel is new now
    }
  }

  /** The reader thread: reads and parses answers until every request was answered. */
  private void readUntilDone(long end) {
    try {
      while (true) {
        long now = System.nanoTime();
        if (done(now, end)) {
          return;
        }
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Connection conn = (Connection) key.attachment();
          if (key.isValid() && key.channel() == conn.channel) {
            readFrom(conn);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean done(long now, long end) {
    boolean allSent = open ? issued >= 0 : now >= end;
    synchronized (lock) {
      if (allSent && busy == 0 && backlog.isEmpty()) {
        return true;
      }
      if (now > end + DRAIN_NANOS) { // unanswered for a minute: errors, at their latency so far
        List<Long> unanswered = new ArrayList<>(backlog);
        connections.stream().filter(c -> c.busy).forEach(c -> unanswered.add(c.startNanos));
        for (long startNanos : unanswered) {
          errors.incrementAndGet();
          recorder.recordValue(Math.min(MAX_TRACKED_NANOS, now - startNanos));
        }
        backlog.clear();
        for (Connection conn : connections) { // a clean pool for the next run
          if (conn.busy) {
            conn.busy = false;
            busy--;
            reconnect(conn);
          }
        }
        return true;
      }
      return false;
    }
  }

  private void readFrom(Connection conn) {
    in.clear();
    int n;
    try {
      n = conn.channel.read(in);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      synchronized (lock) {
        conn.broken = true;
        if (conn.busy) {
          complete(
              conn,
              conn.state != State.UNTIL_CLOSE || conn.status != 200 || conn.failedEnvelope());
        } else { // closed by the server while idle: open it again
          boolean wasFree = free.remove(conn);
          reconnect(conn);
          if (wasFree && conn.channel != null) {
            free.addLast(conn);
          }
        }
      }
      return;
    }
    in.flip();
    if (conn.parse(in)) {
      synchronized (lock) {
        complete(conn, conn.status != 200 || conn.failedEnvelope());
      }
    }
  }

  /**
   * An answer (or a failure) ended the request on this connection: records its latency, reopens the
   * connection when the server closes it, and gives it the next request (closed mode, or open mode
   * with a backlog) or puts it back in the pool. Called holding the lock.
   */
  private void complete(Connection conn, boolean error) {
    long now = System.nanoTime();
    recorder.recordValue(Math.min(MAX_TRACKED_NANOS, now - conn.startNanos));
    if (error) {
      errors.incrementAndGet();
    }
    conn.busy = false;
    busy--;
    boolean reopen = conn.broken || conn.closeAfter || conn.state == State.UNTIL_CLOSE;
    conn.reset();
    if (reopen) {
      reconnect(conn);
    }
    if (conn.channel == null) {
      return; // could not reconnect: the pool is one smaller
    }
    if (open) {
      if (!backlog.isEmpty()) {
        send(conn, backlog.pollFirst());
      } else {
        free.addLast(conn);
      }
    } else if (now < closedEnd) {
      send(conn, now);
    }
  }

  private void reconnect(Connection conn) {
    try {
      conn.channel.close();
    } catch (IOException e) {
      // closing a broken socket
    }
    conn.channel = null;
    reconnects++;
    try {
      connect(conn);
    } catch (IOException e) {
      errors.incrementAndGet();
    }
  }

  /** Opens the connection (blocking: on loopback that is tens of microseconds) and registers it. */
  private void connect(Connection conn) throws IOException {
    SocketChannel channel = SocketChannel.open(address);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    channel.register(selector, SelectionKey.OP_READ, conn);
    selector.wakeup(); // a registration from the sending thread takes effect at the next select
    conn.channel = channel;
    conn.broken = false;
    conn.reset();
  }

  private enum State {
    STATUS_LINE,
    HEADERS,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    UNTIL_CLOSE
  }

  /**
   * One keep-alive connection and the parser of its current answer: only the framing (status line,
   * Content-Length or chunked, Connection: close) and the first bytes of the body are looked at.
   */
  private static final class Connection {
    SocketChannel channel;
    boolean busy;
    boolean broken;
    long startNanos;
    final ByteBuffer out = ByteBuffer.allocateDirect(8192);

    State state = State.STATUS_LINE;
    final byte[] line = new byte[8192];
    int lineLength;
    int status;
    long contentLength;
    boolean chunked;
    boolean closeAfter;
    long remaining;
    final byte[] head = new byte[BODY_HEAD];
    int headLength;

    void reset() {
      state = State.STATUS_LINE;
      lineLength = 0;
      status = 0;
      contentLength = -1;
      chunked = false;
      closeAfter = false;
      remaining = 0;
      headLength = 0;
    }

    /** Consumes what was read; true when the answer is complete (the rest of it is dropped). */
    boolean parse(ByteBuffer buf) {
      while (buf.hasRemaining()) {
        switch (state) {
          case BODY, CHUNK_DATA, UNTIL_CLOSE -> {
            int k =
                state == State.UNTIL_CLOSE
                    ? buf.remaining()
                    : (int) Math.min(remaining, buf.remaining());
            int keep = Math.min(k, BODY_HEAD - headLength);
            buf.get(head, headLength, keep);
            headLength += keep;
            buf.position(buf.position() + (k - keep));
            remaining -= k;
            if (state == State.BODY && remaining == 0) {
              return true;
            }
            if (state == State.CHUNK_DATA && remaining == 0) {
              state = State.CHUNK_END;
            }
          }
          default -> {
            byte b = buf.get();
            if (b == '\n') {
              int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
              lineLength = 0;
              if (line(length)) {
                return true;
              }
            } else if (lineLength < line.length) {
              line[lineLength++] = b;
            }
          }
        }
      }
      return false;
    }

    /** One line of the status line, headers, chunk framing or trailers; true when complete. */
    private boolean line(int length) {
      switch (state) {
        case STATUS_LINE -> {
          if (length >= 12) { // "HTTP/1.1 200"
            status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            state = State.HEADERS;
          }
        }
        case HEADERS -> {
          if (length == 0) {
            if (chunked) {
              state = State.CHUNK_SIZE;
            } else if (contentLength > 0) {
              state = State.BODY;
              remaining = contentLength;
            } else if (contentLength == 0 || status == 204 || status == 304) {
              return true;
            } else {
              state = State.UNTIL_CLOSE;
            }
          } else if (startsWith("content-length:", length)) {
            contentLength = Long.parseLong(value(15, length));
          } else if (startsWith("transfer-encoding:", length)) {
            chunked = value(18, length).toLowerCase(Locale.ROOT).contains("chunked");
          } else if (startsWith("connection:", length)) {
            closeAfter = value(11, length).toLowerCase(Locale.ROOT).contains("close");
          }
        }
        case CHUNK_SIZE -> {
          int end = 0;
          while (end < length && line[end] != ';' && line[end] != ' ') {
            end++;
          }
          if (end == 0) {
            return false; // a blank line before the size
          }
          long size = Long.parseLong(new String(line, 0, end, StandardCharsets.US_ASCII), 16);
          if (size == 0) {
            state = State.TRAILERS;
          } else {
            state = State.CHUNK_DATA;
            remaining = size;
          }
        }
        case CHUNK_END -> state = State.CHUNK_SIZE;
        case TRAILERS -> {
          if (length == 0) {
            return true;
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
      return false;
    }

    private boolean startsWith(String lowerName, int length) {
      if (length < lowerName.length()) {
        return false;
      }
      for (int i = 0; i < lowerName.length(); i++) {
        if (Character.toLowerCase(line[i]) != lowerName.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private String value(int from, int length) {
      return new String(line, from, length - from, StandardCharsets.US_ASCII).trim();
    }

    boolean failedEnvelope() {
      outer:
      for (int i = 0; i + FAILED.length <= headLength; i++) {
        for (int j = 0; j < FAILED.length; j++) {
          if (head[i + j] != FAILED[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
