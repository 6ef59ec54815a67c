package dev.stave.access.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two {@code stave serve} processes on one PostgreSQL database, each with its own data directory
 * (and search index), started together on the empty database the way an operator brings up two
 * nodes behind a load balancer, configured through the environment. Requests alternate between
 * them; the counts they report and the point where they refuse are those of one limit. The
 * operator's CLI runs against the same database.
 *
 * <p>Limits run on the wall clock here (separate processes), so each limit is used up well within
 * its minute; should a window nonetheless roll over mid-test (a stalled machine), the test starts
 * again with a fresh app or address instead of failing on a count that was legitimately refilled.
 */
class TwoServeProcessesShareLimitsTest {
  private static final int APP_PER_MINUTE = 4;
  private static final int IP_PER_MINUTE = 5;
  private static final Pattern SERVING = Pattern.compile("Stave is serving .* at (http://\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path work;
  private static TestDatabase db;
  private static final List<StaveProcess> PROCESSES = new ArrayList<>();
  private static final List<String> NODES = new ArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startTwoNodesTogether() throws Exception {
    db = TestDatabases.postgres(Files.createDirectories(work.resolve("node-a")));
    Path other = Files.createDirectories(work.resolve("node-b"));
    Map<String, String> env =
        Map.of(
            // behind a proxy on this machine: the callers' addresses come in X-Forwarded-For
            "SERVER_FORWARD_HEADERS_STRATEGY", "native",
            "STAVE_LIMITS_IP_PER_SECOND", "0",
            "STAVE_LIMITS_IP_PER_MINUTE", String.valueOf(IP_PER_MINUTE));
    for (Path dataDir : List.of(db.dataDir(), other)) {
      PROCESSES.add(StaveProcess.start(work, env, serveArgs(dataDir)));
    }
    // both first starts on the empty database at once: each must come up and serve
    List<CompletableFuture<String>> urls = new ArrayList<>();
    for (StaveProcess p : PROCESSES) {
      urls.add(CompletableFuture.supplyAsync(() -> baseUrl(p)));
    }
    for (CompletableFuture<String> url : urls) {
      NODES.add(url.join());
    }
  }

  private static String[] serveArgs(Path dataDir) {
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(db.cliOptions());
    args.set(args.indexOf("--data") + 1, dataDir.toString());
    return args.toArray(String[]::new);
  }

  private static String baseUrl(StaveProcess p) {
    try {
      Matcher m =
          SERVING.matcher(p.awaitLine(l -> SERVING.matcher(l).find(), Duration.ofMinutes(3)));
      assertThat(m.find()).isTrue();
      return m.group(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopNodes() throws Exception {
    for (StaveProcess p : PROCESSES) {
      try (p) {
        p.stop(Duration.ofSeconds(30));
      }
    }
    if (db != null) {
      TestDatabases.drop(db);
    }
  }

  /** {@code stave ARGS --data … --db-url …} against the shared database, as an operator runs it. */
  private static CommandRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(db.cliOptions());
    CommandRun run = CommandRun.of(all.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  private static String newApp(String name) {
    Matcher m =
        Pattern.compile("Client id:\\s+([0-9a-f]{32})").matcher(cli("apps", "create", name).out());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> get(int node, String from, String pathAndQuery)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(NODES.get(node) + pathAndQuery));
    if (from != null) {
      b.header("X-Forwarded-For", from);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> radios(int node, String clientId) throws Exception {
    return get(node, null, "/v3.0/radios?client_id=" + clientId);
  }

  private static int jamendoCode(HttpResponse<String> r) {
    return JSON.readTree(r.body()).get("headers").get("code").asInt();
  }

  private static long number(HttpResponse<?> r, String name) {
    String v = r.headers().firstValue(name).orElse(null);
    assertThat(v).as(name + " header in " + r.headers().map()).isNotNull();
    return Long.parseLong(v);
  }

  /**
   * Requests alternating between the nodes until one is refused: what each answered, in order. A
   * run that straddled the end of a minute window is discarded (null): its limit refilled.
   */
  private static List<HttpResponse<String>> untilRefused(
      int limit, RequestOn request, java.util.function.Predicate<HttpResponse<String>> refused)
      throws Exception {
    Instant windowEnd = null;
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i <= 2 * limit; i++) {
      HttpResponse<String> r = request.send(i % 2);
      answers.add(r);
      // the window's end as the server stated it: the same for every answer of one window
      // (X-RateLimit-Reset is whole seconds, so it may round either way by one)
      Instant end = Instant.ofEpochSecond(number(r, "X-RateLimit-Reset"));
      if (windowEnd == null) {
        windowEnd = end;
      } else if (Duration.between(windowEnd, end).abs().toSeconds() > 1) {
        return null;
      }
      if (refused.test(r)) {
        return answers;
      }
    }
    return answers;
  }

  @FunctionalInterface
  private interface RequestOn {
    HttpResponse<String> send(int node) throws Exception;
  }

  @Test
  void bothFirstStartsTogetherSeedOneCatalogAndAdvertiseOneDemoApp() throws Exception {
    List<String> advertised = new ArrayList<>();
    for (StaveProcess p : PROCESSES) {
      Matcher m = Pattern.compile("client id\\s+:\\s+([0-9a-f]{32})").matcher(p.output());
      assertThat(m.find()).as(p.output()).isTrue();
      advertised.add(m.group(1));
    }
    assertThat(advertised.get(1)).isEqualTo(advertised.get(0));
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM tracks")).isEqualTo(2_000);
      assertThat(count(s, "SELECT COUNT(*) FROM radios")).isEqualTo(11);
      assertThat(count(s, "SELECT COUNT(*) FROM apps WHERE name = 'demo'")).isEqualTo(1);
    }
    // each node's own search index follows the one catalog
    for (int node = 0; node < 2; node++) {
      String tracks = "/v3.0/tracks?limit=1&client_id=" + advertised.get(0);
      HttpResponse<String> r = get(node, null, tracks);
      for (Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
          resultsCount(r) == 0 && Instant.now().isBefore(giveUp);
          r = get(node, null, tracks)) {
        Thread.sleep(200);
      }
      assertThat(resultsCount(r)).as("node %d: %s", node, r.body()).isEqualTo(1);
    }
    // one of them seeded; the other waited for it and found the catalog there
    assertThat(
            PROCESSES.stream()
                .filter(p -> p.output().contains("Empty data directory: seeded a demo catalog"))
                .count())
        .isEqualTo(1);
  }

  private static int resultsCount(HttpResponse<String> r) {
    return JSON.readTree(r.body()).get("headers").get("results_count").asInt();
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void anAppsPerMinuteLimitIsOneLimitOverBothProcesses() throws Exception {
    List<HttpResponse<String>> answers = null;
    String app = null;
    for (int attempt = 0; answers == null && attempt < 3; attempt++) {
      app = newApp("two nodes " + attempt);
      assertThat(
              cli("apps", "set-limits", app, "--per-minute", String.valueOf(APP_PER_MINUTE)).out())
          .contains(APP_PER_MINUTE + "/minute");
      String id = app;
      answers = untilRefused(APP_PER_MINUTE, node -> radios(node, id), r -> jamendoCode(r) != 0);
    }
    assertThat(answers).as("a run within one minute window").isNotNull();

    List<Long> remaining = new ArrayList<>();
    for (HttpResponse<String> r : answers.subList(0, answers.size() - 1)) {
      assertThat(jamendoCode(r)).as(r.body()).isZero();
      assertThat(number(r, "RateLimit-Limit")).isEqualTo(APP_PER_MINUTE);
      assertThat(number(r, "X-RateLimit-Limit")).isEqualTo(APP_PER_MINUTE);
      assertThat(number(r, "X-RateLimit-Remaining")).isEqualTo(number(r, "RateLimit-Remaining"));
      remaining.add(number(r, "RateLimit-Remaining"));
    }
    // one count: the nodes took turns, and each answer continues the other node's count
    assertThat(remaining).containsExactly(3L, 2L, 1L, 0L);

    HttpResponse<String> refused = answers.getLast();
    JsonNode h = JSON.readTree(refused.body()).get("headers");
    assertThat(h.get("code").asInt()).isEqualTo(6);
    assertThat(h.get("error_message").asString())
        .startsWith(
            "Jamendo Api Rate Limit Exceeded Error: This app's limit of 4 requests per minute is"
                + " reached");
    assertThat(number(refused, "RateLimit-Remaining")).isZero();
    assertThat(number(refused, "Retry-After")).isBetween(1L, 60L);
    // the node that answered last allowed request refuses now, too
    assertThat(jamendoCode(radios((answers.size() - 2) % 2, app))).isEqualTo(6);
  }

  @Test
  void aCallersPerMinuteLimitIsOneLimitOverBothProcesses() throws Exception {
    String path = "/v1/artist/search?searchText=nobody";
    List<HttpResponse<String>> answers = null;
    String from = null;
    for (int attempt = 0; answers == null && attempt < 3; attempt++) {
      from = "10.77.0." + (attempt + 1);
      String caller = from;
      answers =
          untilRefused(IP_PER_MINUTE, node -> get(node, caller, path), r -> r.statusCode() != 200);
    }
    assertThat(answers).as("a run within one minute window").isNotNull();

    List<Long> remaining = new ArrayList<>();
    for (HttpResponse<String> r : answers.subList(0, answers.size() - 1)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(number(r, "RateLimit-Limit")).isEqualTo(IP_PER_MINUTE);
      remaining.add(number(r, "RateLimit-Remaining"));
    }
    assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);

    HttpResponse<String> refused = answers.getLast();
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = number(refused, "Retry-After");
    assertThat(retryAfter).isBetween(1L, 60L);
    JsonNode body = JSON.readTree(refused.body());
    assertThat(body.get("status").asInt()).isEqualTo(4291);
    assertThat(body.get("error").asString())
        .isEqualTo("Too many request, retry after " + retryAfter + " seconds");
    // the other node refuses that caller too, and still serves another
    assertThat(get((answers.size()) % 2, from, path).statusCode()).isEqualTo(429);
    assertThat(get((answers.size()) % 2, "10.77.1.1", path).statusCode()).isEqualTo(200);
  }

  @Test
  void anAppSuspendedWithTheCliIsRefusedByBothProcesses() throws Exception {
    String app = newApp("to be suspended");
    assertThat(jamendoCode(radios(0, app))).isZero();
    assertThat(jamendoCode(radios(1, app))).isZero();

    assertThat(cli("apps", "suspend", app).out()).contains("suspended");
    for (int node = 0; node < 2; node++) {
      HttpResponse<String> r = awaitCode(node, app, 11);
      assertThat(JSON.readTree(r.body()).get("headers").get("status").asString())
          .isEqualTo("failed");
    }

    cli("apps", "resume", app);
    awaitCode(0, app, 0);
    awaitCode(1, app, 0);
  }

  /**
   * Polls a node until it answers {@code code} for the app (nodes hold no copy of an app's state,
   * so the first request normally does); fails with the last answer if it never comes.
   */
  private static HttpResponse<String> awaitCode(int node, String app, int code) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    HttpResponse<String> r = radios(node, app);
    while (jamendoCode(r) != code && Instant.now().isBefore(giveUp)) {
      Thread.sleep(200);
      r = radios(node, app);
    }
    assertThat(jamendoCode(r)).as("node %d: %s", node, r.body()).isEqualTo(code);
    return r;
  }
}
