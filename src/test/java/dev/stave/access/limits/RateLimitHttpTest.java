package dev.stave.access.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.access.RecentRows;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.FrozenClock;
import dev.stave.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits and quotas as clients of both dialects see them, on SQLite (buckets in memory). The
 * limits are tiny and the limiter's clock stands still unless a test moves it, so nothing here
 * depends on how fast requests go. Each test calls from its own address (through {@code
 * X-Forwarded-For}, which the server trusts from loopback as it would from a reverse proxy) with
 * its own app, so tests do not share buckets.
 */
// The context owns files in this class's temporary data directory: close it with the class.
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.forward-headers-strategy=native",
      "stave.limits.ip.per-second=4",
      "stave.limits.ip.per-minute=6",
      "stave.limits.app.per-minute=3",
      "stave.limits.app.monthly=1000",
      "stave.limits.app.monthly-hard-percent=150"
    })
@Import(FrozenClock.class)
class RateLimitHttpTest {
  static final Instant START = FrozenClock.START;

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired AppLimitsStore appLimits;
  @Autowired MutableClock clock;
  @Autowired CatalogStore store;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  /** A request from {@code from}, as a proxy on this machine reports it; null: this machine. */
  private HttpRequest.Builder request(String from, String pathAndQuery) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    return from == null ? b : b.header("X-Forwarded-For", from);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String from, String pathAndQuery) throws Exception {
    return send(request(from, pathAndQuery));
  }

  private HttpResponse<String> radios(String from, String clientId) throws Exception {
    return get(from, "/v3.0/radios?client_id=" + clientId);
  }

  private JsonNode headers(HttpResponse<String> r) {
    return json.readTree(r.body()).get("headers");
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  private static long number(HttpResponse<?> r, String name) {
    String v = header(r, name);
    assertThat(v).as(name + " header").isNotNull();
    return Long.parseLong(v);
  }

  @BeforeEach
  void radios() {
    store.write(
        EditorialTables.RADIOS,
        List.of(new Radio(1, "rock", "Rock", "www", null, List.of("rock"))));
  }

  private String newApp() {
    return apps.create("limits test").clientId();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  @Test
  void jamendoHeadersCountDownThenTheAppLimitAnswersCode6UntilItsWindowEnds() throws Exception {
    String app = newApp();
    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = radios("10.0.1.1", app);
      assertThat(headers(r).get("code").asInt()).as(r.body()).isZero();
      // the app's 3 per minute is closer to running out than the address's 4 per second
      assertThat(number(r, "RateLimit-Limit")).isEqualTo(3);
      assertThat(number(r, "X-RateLimit-Limit")).isEqualTo(3);
      assertThat(number(r, "X-RateLimit-Remaining")).isEqualTo(number(r, "RateLimit-Remaining"));
      assertThat(number(r, "RateLimit-Reset")).isEqualTo(60);
      assertThat(number(r, "X-RateLimit-Reset")).isEqualTo(now() + 60);
      assertThat(header(r, "Retry-After")).isNull();
      remaining.add(number(r, "RateLimit-Remaining"));
    }
    assertThat(remaining).containsExactly(2L, 1L, 0L);

    HttpResponse<String> refused = radios("10.0.1.1", app);
    assertThat(refused.statusCode()).isEqualTo(200);
    JsonNode h = headers(refused);
    assertThat(h.get("status").asString()).isEqualTo("failed");
    assertThat(h.get("code").asInt()).isEqualTo(6);
    assertThat(h.get("error_message").asString())
        .isEqualTo(
            "Jamendo Api Rate Limit Exceeded Error: This app's limit of 3 requests per minute is"
                + " reached; it resets in 60 seconds");
    assertThat(json.readTree(refused.body()).get("results").size()).isZero();
    assertThat(number(refused, "RateLimit-Remaining")).isZero();
    assertThat(number(refused, "Retry-After")).isEqualTo(60);

    clock.advance(Duration.ofSeconds(59));
    HttpResponse<String> stillRefused = radios("10.0.1.1", app);
    assertThat(headers(stillRefused).get("error_message").asString()).endsWith("in 1 second");

    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> again = radios("10.0.1.1", app);
    assertThat(headers(again).get("code").asInt()).isZero();
    assertThat(number(again, "RateLimit-Remaining")).isEqualTo(2);
  }

  @Test
  void jamendoPerAddressLimitCountsEveryAppAndComesBeforeTheClientIdChecks() throws Exception {
    String first = newApp();
    String second = newApp();
    for (String app : List.of(first, first, second, second)) {
      assertThat(headers(radios("10.0.2.1", app)).get("code").asInt()).isZero();
    }
    // both apps are under their own limit (2 of 3), the address is over its 4 per second
    HttpResponse<String> refused = radios("10.0.2.1", second);
    assertThat(headers(refused).get("code").asInt()).isEqualTo(6);
    assertThat(headers(refused).get("error_message").asString())
        .isEqualTo(
            "Jamendo Api Rate Limit Exceeded Error: The limit of 4 requests per second per IP"
                + " address is reached; it resets in 1 second");
    assertThat(number(refused, "RateLimit-Limit")).isEqualTo(4);
    assertThat(number(refused, "Retry-After")).isEqualTo(1);
    // an address over its limit learns nothing about client ids
    assertThat(headers(radios("10.0.2.1", "deadbeef")).get("code").asInt()).isEqualTo(6);
    // another address is not affected
    assertThat(headers(radios("10.0.2.2", second)).get("code").asInt()).isZero();
  }

  @Test
  void anIpv6CallerIsCountedByItsSlash64Network() throws Exception {
    String path = "/v1/artist?ids=x";
    for (int i = 1; i <= 4; i++) {
      assertThat(get("2001:db8:1:2::" + i, path).statusCode()).isEqualTo(200);
    }
    assertThat(get("2001:db8:1:2:ffff:ffff:ffff:ffff", path).statusCode()).isEqualTo(429);
    assertThat(get("2001:db8:1:3::1", path).statusCode()).isEqualTo(200);
  }

  @Test
  void thisMachineIsExemptFromThePerAddressLimitsButNotFromItsAppsLimits() throws Exception {
    String app = newApp();
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> local = get(null, "/v1/artist/search?searchText=a");
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(header(local, "RateLimit-Limit")).isNull();
    }
    HttpResponse<String> jamendo = radios(null, app);
    assertThat(number(jamendo, "RateLimit-Limit")).isEqualTo(3);
    assertThat(number(jamendo, "RateLimit-Remaining")).isEqualTo(2);
  }

  @Test
  void jamendoErrorsCarryTheHeadersToo() throws Exception {
    HttpResponse<String> missing = get("10.0.3.1", "/v3.0/radios");
    assertThat(headers(missing).get("code").asInt()).isEqualTo(4);
    assertThat(number(missing, "RateLimit-Limit")).isEqualTo(4);
    assertThat(number(missing, "RateLimit-Remaining")).isEqualTo(3);
    HttpResponse<String> badFormat = get("10.0.3.1", "/v3.0/radios?format=csv");
    assertThat(headers(badFormat).get("code").asInt()).isEqualTo(9);
    assertThat(number(badFormat, "RateLimit-Remaining")).isEqualTo(2);
  }

  @Test
  void jamendoAppLimitHoldsWhicheverAddressesItsRequestsComeFrom() throws Exception {
    String app = newApp();
    for (int i = 1; i <= 3; i++) {
      assertThat(headers(radios("10.0.4." + i, app)).get("code").asInt()).isZero();
    }
    HttpResponse<String> refused = radios("10.0.4.4", app);
    assertThat(headers(refused).get("code").asInt()).isEqualTo(6);
    assertThat(headers(refused).get("error_message").asString())
        .contains("This app's limit of 3 requests per minute is reached");
  }

  @Test
  void jamendoPastTheMonthlyQuotaWarnsWithoutResultsThenRefusesUntilTheMonthEnds()
      throws Exception {
    String app = newApp();
    appLimits.set(app, new AppLimits(0L, 2L)); // no per-minute limit; quota 2, hard limit 3
    long toJuly = Instant.parse("2026-07-01T00:00:00Z").getEpochSecond() - now();
    for (long left = 1; left >= 0; left--) {
      HttpResponse<String> r = radios("10.0.5.1", app);
      assertThat(headers(r).get("code").asInt()).isZero();
      assertThat(headers(r).get("results_count").asInt()).isPositive();
      assertThat(number(r, "RateLimit-Limit")).isEqualTo(2);
      assertThat(number(r, "RateLimit-Remaining")).isEqualTo(left);
      assertThat(number(r, "RateLimit-Reset")).isEqualTo(toJuly);
    }

    HttpResponse<String> warned = radios("10.0.5.1", app);
    assertThat(warned.statusCode()).isEqualTo(200);
    assertThat(warned.body())
        .isEqualTo(
            "{\"headers\":{\"status\":\"success\",\"code\":0,\"error_message\":\"\",\"warnings\":"
                + "\"Usage limits are exceeded for this request, please contact Jamendo before we"
                + " block your access to this request\",\"results_count\":0},\"results\":[]}");
    assertThat(number(warned, "RateLimit-Remaining")).isZero();

    HttpResponse<String> refused = radios("10.0.5.1", app);
    assertThat(headers(refused).get("code").asInt()).isEqualTo(6);
    assertThat(headers(refused).get("error_message").asString())
        .isEqualTo(
            "Jamendo Api Rate Limit Exceeded Error: This app's monthly quota of 2 requests (hard"
                + " limit 3) is used up; it resets on 2026-07-01T00:00:00Z (in "
                + toJuly
                + " seconds)");
    assertThat(number(refused, "Retry-After")).isEqualTo(toJuly);

    clock.set(Instant.parse("2026-07-01T00:00:00Z"));
    HttpResponse<String> july = radios("10.0.5.1", app);
    assertThat(headers(july).get("code").asInt()).isZero();
    assertThat(headers(july).get("results_count").asInt()).isPositive();
    assertThat(number(july, "RateLimit-Remaining")).isEqualTo(1);
  }

  @Test
  void anOperatorSetsAnAppsLimitsWithTheCliAndTheServerAppliesThemWithinASecond() throws Exception {
    String app = newApp();
    CommandRun set = cli("apps", "set-limits", app, "--per-minute", "1", "--monthly", "50,000");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains(app).contains("limits: 1/minute, 50,000/month");

    HttpResponse<String> first = radios("10.0.6.1", app);
    assertThat(headers(first).get("code").asInt()).isZero();
    assertThat(number(first, "RateLimit-Limit")).isEqualTo(1);
    assertThat(number(first, "RateLimit-Remaining")).isZero();
    assertThat(headers(radios("10.0.6.1", app)).get("error_message").asString())
        .contains("This app's limit of 1 request per minute is reached");

    assertThat(cli("apps", "list").out()).contains(app).contains("1/minute, 50,000/month");

    CommandRun back = cli("apps", "set-limits", app, "--per-minute", "default");
    // the CLI shows the default of its own configuration (this test's server has another)
    assertThat(back.out()).contains("/minute (default), 50,000/month");
    // The server read this app's limits a moment ago: another process's change shows once that
    // read is older than RecentRows.LIFETIME, and until then the old limit still answers.
    assertThat(number(radios("10.0.6.2", app), "RateLimit-Limit")).isEqualTo(1);
    clock.advance(RecentRows.LIFETIME);
    HttpResponse<String> afterReset = radios("10.0.6.2", app);
    assertThat(headers(afterReset).get("code").asInt()).isZero();
    assertThat(number(afterReset, "RateLimit-Limit")).isEqualTo(3);

    CommandRun bad = cli("apps", "set-limits", app, "--monthly", "lots");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--monthly must be a number of requests, 'unlimited' or 'default'; got 'lots'");
    CommandRun unknown = cli("apps", "set-limits", "nope", "--per-minute", "5");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no app with client id nope");
  }

  @Test
  void reccoBeatsAnswers429WithRetryAfterAndCode4291PerAddress() throws Exception {
    String path = "/v1/artist/search?searchText=nobody";
    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> r = get("10.0.7.1", path);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(number(r, "RateLimit-Limit")).isEqualTo(4);
      assertThat(number(r, "X-RateLimit-Reset")).isEqualTo(now() + 1);
      remaining.add(number(r, "RateLimit-Remaining"));
    }
    assertThat(remaining).containsExactly(3L, 2L, 1L, 0L);

    HttpResponse<String> refused = get("10.0.7.1", path);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(header(refused, "Retry-After")).isEqualTo("1");
    assertThat(number(refused, "RateLimit-Remaining")).isZero();
    JsonNode body = json.readTree(refused.body());
    assertThat(body.get("status").asInt()).isEqualTo(4291);
    assertThat(body.get("error").asString()).isEqualTo("Too many request, retry after 1 seconds");
    assertThat(body.get("path").asString()).isEqualTo("uri=/v1/artist/search");
    assertThat(body.get("timestamp").asString()).matches("\\d{4}-.*\\.\\d{3}\\+00:00");
    // unknown paths count and are refused the same way
    assertThat(get("10.0.7.1", "/v1/nothing").statusCode()).isEqualTo(429);
    assertThat(get("10.0.7.2", path).statusCode()).isEqualTo(200);

    // a second later the burst limit lets two more through, then the 6 per minute refuses
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("10.0.7.1", path).statusCode()).isEqualTo(200);
    HttpResponse<String> sixth = get("10.0.7.1", path);
    assertThat(sixth.statusCode()).isEqualTo(200);
    assertThat(number(sixth, "RateLimit-Limit")).isEqualTo(6);
    assertThat(number(sixth, "RateLimit-Remaining")).isZero();
    HttpResponse<String> perMinute = get("10.0.7.1", path);
    assertThat(perMinute.statusCode()).isEqualTo(429);
    assertThat(header(perMinute, "Retry-After")).isEqualTo("59");
    assertThat(json.readTree(perMinute.body()).get("error").asString())
        .isEqualTo("Too many request, retry after 59 seconds");
  }

  @Test
  void reccoBeatsErrorsCarryTheHeadersAndPreflightsAreNotCounted() throws Exception {
    HttpResponse<String> notFound = get("10.0.8.1", "/v1/nothing");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(number(notFound, "RateLimit-Remaining")).isEqualTo(3);
    HttpResponse<String> preflight =
        send(
            request("10.0.8.1", "/v1/artist?ids=x")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .headers("Origin", "https://app.example", "Access-Control-Request-Method", "GET"));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(number(get("10.0.8.1", "/v1/artist?ids=x"), "RateLimit-Remaining")).isEqualTo(2);
  }

  @Test
  void actuatorAndDocumentationAreNotLimited() throws Exception {
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> health = get("10.0.9.1", "/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(header(health, "RateLimit-Limit")).isNull();
      HttpResponse<String> docs = get("10.0.9.1", "/v3/api-docs/reccobeats");
      assertThat(docs.statusCode()).isEqualTo(200);
      assertThat(header(docs, "RateLimit-Limit")).isNull();
    }
    // none of those 16 requests counted against the address
    assertThat(number(get("10.0.9.1", "/v1/artist?ids=x"), "RateLimit-Remaining")).isEqualTo(3);
  }

  /** {@code stave ARGS... --data DIR} on this server's data directory, in-process. */
  private CommandRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", dataDir.toString()));
    return CommandRun.of(all.toArray(String[]::new));
  }
}
