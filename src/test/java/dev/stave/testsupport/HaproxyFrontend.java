package dev.stave.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real HAProxy (the Debian package {@code haproxy}) on 127.0.0.1 in front of Stave nodes, the way
 * the README tells an operator to run two nodes: round robin, health checks on {@code
 * /actuator/health/readiness}, and layer-7 retries with redispatch so that a request that finds a
 * node dead (refused connection, connection closed before an answer) is sent to the other node.
 * Retrying a write is safe because Stave's write methods are idempotent (favoriting twice counts
 * once). Every answer names the node that gave it in {@value #NODE_HEADER}, so tests can tell.
 *
 * <p>Without haproxy installed a test calling {@link #assumeInstalled()} is skipped with the
 * command that installs it; with {@code CI=true} in the environment it fails instead.
 */
public final class HaproxyFrontend implements AutoCloseable {
  /** The answer's header that names the node (HAProxy's server name) that gave it. */
  public static final String NODE_HEADER = "X-Stave-Node";

  private static final String INSTALL = "apt-get install haproxy";

  /** One node behind the frontend: HAProxy's server name and its port on 127.0.0.1. */
  public record Backend(String name, int port) {}

  private final Process process;
  private final Path log;
  private final int port;
  private final int statsPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private HaproxyFrontend(Process process, Path log, int port, int statsPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.statsPort = statsPort;
  }

  /** Skips the calling test when haproxy is missing, or fails it when {@code CI=true}. */
  public static void assumeInstalled() {
    if (executable() != null) {
      return;
    }
    RequiredTool.require("haproxy is not installed; install it with: " + INSTALL);
  }

  private static Path executable() {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/sbin";
    return Stream.of(path.split(":"))
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, "haproxy"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /**
   * The configuration the README describes, for these backends: the frontend on {@code port}, a
   * stats page (CSV at {@code /stats;csv}) on {@code statsPort}.
   */
  static String config(int port, int statsPort, List<Backend> backends) {
    StringBuilder servers = new StringBuilder();
    for (Backend b : backends) {
      servers.append("  server ").append(b.name()).append(" 127.0.0.1:").append(b.port());
      servers.append(" check\n");
    }
    return """
        global
          maxconn 2000

        defaults
          mode http
          timeout connect 1s
          timeout client 30s
          timeout server 30s
          # a busy node may answer a health check late; dead, it refuses at once
          timeout check 3s
          # a request that found a node dead goes to the other one: a refused connection, or a
          # connection closed before any answer (the node died with the request in flight)
          retries 3
          option redispatch 1
          retry-on conn-failure empty-response response-timeout

        frontend stave
          bind 127.0.0.1:%d
          option forwardfor
          default_backend nodes

        backend nodes
          balance roundrobin
          option httpchk GET /actuator/health/readiness
          http-check expect status 200
          default-server inter 500ms fall 3 rise 2
          http-response set-header %s %%s
        %s
        listen stats
          bind 127.0.0.1:%d
          stats enable
          stats uri /stats
        """
        .formatted(port, NODE_HEADER, servers, statsPort);
  }

  /** Writes the configuration into {@code dir} and starts HAProxy in the foreground. */
  public static HaproxyFrontend start(Path dir, List<Backend> backends)
      throws IOException, InterruptedException {
    Path exe = executable();
    if (exe == null) {
      throw new IllegalStateException("haproxy is not installed; install it with: " + INSTALL);
    }
    int port = FreePorts.find();
    int statsPort = FreePorts.find();
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, config(port, statsPort, backends), StandardCharsets.UTF_8);
    Path log = dir.resolve("haproxy.log");
    Process p =
        new ProcessBuilder(exe.toString(), "-db", "-f", cfg.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HaproxyFrontend frontend = new HaproxyFrontend(p, log, port, statsPort);
    frontend.awaitListening(Duration.ofSeconds(10));
    return frontend;
  }

  private void awaitListening(Duration timeout) throws InterruptedException, IOException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end) && process.isAlive()) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("haproxy did not start:\n" + Files.readString(log));
  }

  /** The frontend's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Each server's state as HAProxy's health checks see it: {@code UP}, {@code DOWN}, … */
  public Map<String, String> serverStates() throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, String> states = new HashMap<>();
    String[] header = r.body().lines().findFirst().orElse("").replace("# ", "").split(",");
    int name = List.of(header).indexOf("svname");
    int status = List.of(header).indexOf("status");
    r.body()
        .lines()
        .skip(1)
        .map(l -> l.split(",", -1))
        .filter(f -> f.length > status && f[0].equals("nodes"))
        .forEach(f -> states.put(f[name], f[status]));
    return states;
  }

  /** Waits until HAProxy's health checks put {@code server} in {@code state} (e.g. UP, DOWN). */
  public void awaitState(String server, String state, Duration timeout)
      throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    String seen = null;
    while (Instant.now().isBefore(end)) {
      seen = serverStates().get(server);
      if (seen != null && seen.startsWith(state)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "haproxy did not see "
            + server
            + " "
            + state
            + " within "
            + timeout
            + " (was "
            + seen
            + ")");
  }

  /** What HAProxy printed (its warnings and alerts). */
  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
