package dev.stave.access.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.StaveApplication;
import dev.stave.access.AppRegistry;
import dev.stave.access.RecentRows;
import dev.stave.testsupport.MutableClock;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL database — two Stave contexts, each with its own connection pool,
 * rate limiter and data directory — enforce one limit: what one node counts, the other sees. (On
 * SQLite there is one node, and its buckets are in memory; {@link RateLimitHttpTest} covers it.)
 * Both nodes read one clock that stands still unless a test moves it.
 */
class SharedLimitsPostgresTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));

  @TempDir static Path dirs;
  private static TestDatabase db;
  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
  private static RateLimiter a;
  private static RateLimiter b;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    db = TestDatabases.postgres(Files.createDirectories(dirs.resolve("a")));
    a = node(db.dataDir()).getBean(RateLimiter.class);
    b = node(Files.createDirectories(dirs.resolve("b"))).getBean(RateLimiter.class);
  }

  private static ConfigurableApplicationContext node(Path dataDir) {
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("limitsClock", CLOCK));
    Map<String, String> props = new LinkedHashMap<>(db.springProperties());
    props.put("stave.data-dir", dataDir.toString());
    props.put("stave.search.auto-start", "false");
    props.put("logging.level.root", "WARN");
    props.put("stave.limits.ip.per-second", "4");
    props.put("stave.limits.ip.per-minute", "100");
    props.put("stave.limits.app.per-minute", "3");
    props.put("stave.limits.app.monthly", "2");
    props.put("stave.limits.app.monthly-hard-percent", "150");
    ConfigurableApplicationContext ctx =
        app.run(
            props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    NODES.add(ctx);
    return ctx;
  }

  @AfterAll
  static void stop() {
    NODES.forEach(ConfigurableApplicationContext::close);
    if (db != null) {
      TestDatabases.drop(db);
    }
  }

  private static ConfigurableApplicationContext nodeA() {
    return NODES.get(0);
  }

  private static String newApp(Long perMinute, Long monthly) {
    String id = nodeA().getBean(AppRegistry.class).create("shared").clientId();
    nodeA().getBean(AppLimitsStore.class).set(id, new AppLimits(perMinute, monthly));
    return id;
  }

  private static Verdict app(RateLimiter node, String clientId, String from) {
    return node.admitApp(clientId, node.admitCaller(from));
  }

  private static long remaining(Verdict v) {
    return v.tightest().orElseThrow().remaining();
  }

  @Test
  void bucketsLiveInTheDatabase() {
    assertThat(db.kind()).isEqualTo(StoreKind.POSTGRESQL);
    assertThat(nodeA().getBean(Buckets.class)).isInstanceOf(PostgresBuckets.class);
    assertThat(NODES.get(1).getBean(Buckets.class)).isInstanceOf(PostgresBuckets.class);
  }

  @Test
  void anAppsLimitIsOneLimitOverBothNodes() {
    String id = newApp(null, 0L); // the default 3 per minute, no quota
    List<Long> left = new ArrayList<>();
    left.add(remaining(app(a, id, "10.2.0.1")));
    left.add(remaining(app(b, id, "10.2.0.2")));
    left.add(remaining(app(a, id, "10.2.0.3")));
    assertThat(left).containsExactly(2L, 1L, 0L);

    Verdict refusedOnB = app(b, id, "10.2.0.4");
    assertThat(refusedOnB.allowed()).isFalse();
    assertThat(refusedOnB.refusalMessage())
        .isEqualTo("This app's limit of 3 requests per minute is reached; it resets in 60 seconds");
    assertThat(app(a, id, "10.2.0.5").allowed()).isFalse();

    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(app(b, id, "10.2.0.6").allowed()).isTrue();
  }

  @Test
  void aCallersLimitIsOneLimitOverBothNodes() {
    for (RateLimiter node : List.of(a, b, a, b)) {
      assertThat(node.admitCaller("10.3.0.1").allowed()).isTrue();
    }
    assertThat(a.admitCaller("10.3.0.1").allowed()).isFalse();
    assertThat(b.admitCaller("10.3.0.1").allowed()).isFalse();
    assertThat(b.admitCaller("10.3.0.2").allowed()).isTrue();
  }

  @Test
  void theMonthlyCountIsOneCountOverBothNodes() {
    String id = newApp(0L, null); // no per-minute limit; the default quota 2, hard limit 3
    assertThat(app(a, id, "10.4.0.1").overQuota()).isFalse();
    assertThat(app(b, id, "10.4.0.2").overQuota()).isFalse();
    Verdict third = app(a, id, "10.4.0.3");
    assertThat(third.allowed()).isTrue();
    assertThat(third.overQuota()).isTrue();
    Verdict fourth = app(b, id, "10.4.0.4");
    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.refusal().limit().window()).isEqualTo(Limit.Window.MONTH);

    // raising the quota mid-month keeps the month's count: 4 of 10 used after the next request
    nodeA().getBean(AppLimitsStore.class).set(id, new AppLimits(0L, 10L));
    // node B read the old limits a moment ago; it reads them again once that is LIFETIME old
    CLOCK.advance(RecentRows.LIFETIME);
    Verdict raised = app(b, id, "10.4.0.5");
    assertThat(raised.allowed()).isTrue();
    assertThat(raised.usages().getLast().remaining()).isEqualTo(5);
  }

  @Test
  void expiredBucketsAreSweptAndTheMonthsCountsKept() {
    String id = newApp(null, null);
    app(a, id, "10.5.0.1");
    JdbcTemplate jdbc = nodeA().getBean(JdbcTemplate.class);
    String count = "SELECT COUNT(*) FROM rate_limit_buckets WHERE id LIKE ?";
    String expiry = "SELECT MAX(expires_at) FROM rate_limit_buckets WHERE id LIKE ?";
    assertThat(jdbc.queryForObject(count, Long.class, "ip:10.5.0.1:%")).isEqualTo(2);
    assertThat(jdbc.queryForObject(count, Long.class, "app:" + id + ":%")).isEqualTo(1);
    // Bucket4j stamps expiries from the system clock: a row lives until its bucket would be full
    // again, plus a minute — a minute bucket a few minutes, the month's count all year
    long ipRows = jdbc.queryForObject(expiry, Long.class, "ip:10.5.0.1:%");
    long appRow = jdbc.queryForObject(expiry, Long.class, "app:" + id + ":%");
    long monthRow = jdbc.queryForObject(expiry, Long.class, "month:" + id + ":%");
    assertThat(Math.max(ipRows, appRow)).isLessThan(monthRow - Duration.ofDays(300).toMillis());

    // as if their time had passed: the caller's and the app's rows expired, the month's not
    jdbc.update(
        "UPDATE rate_limit_buckets SET expires_at = 0 WHERE id LIKE ? OR id LIKE ?",
        "ip:10.5.0.1:%",
        "app:" + id + ":%");
    assertThat(((PostgresBuckets) nodeA().getBean(Buckets.class)).sweep())
        .isGreaterThanOrEqualTo(3);
    assertThat(jdbc.queryForObject(count, Long.class, "ip:10.5.0.1:%")).isZero();
    assertThat(jdbc.queryForObject(count, Long.class, "app:" + id + ":%")).isZero();
    assertThat(jdbc.queryForObject(count, Long.class, "month:" + id + ":%")).isEqualTo(1);
  }
}
