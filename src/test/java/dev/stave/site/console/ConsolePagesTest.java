package dev.stave.site.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.access.OAuthBrowser;
import dev.stave.catalog.CatalogStore;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.RunReports;
import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.StaveSiteTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console over HTTP, as a browser without script uses it: who may open it (operators;
 * others get a 403 page, nobody logged in goes to the login page), and every action — suspend,
 * resume, plan, limits, disable, enable — through its form, with its result on the next page, its
 * effect on the API, and its line in the audit log. The operator role is granted with the CLI
 * against the running server's store, as an operator would.
 */
@StaveSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {
  private static final String PASSWORD = "console test pw";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired AppRegistry apps;
  @Autowired AppSelfService selfService;
  @Autowired CatalogStore catalog;
  @Autowired RunReports runs;
  @Autowired ServerMetricsHistory metrics;
  @Autowired StaveProperties properties;
  @Autowired MeterRegistry meters;

  private final String run = Long.toString(System.nanoTime(), 36);
  private String operatorName;
  private ListAppender<ILoggingEvent> audit;

  @BeforeAll
  void operatorAndAuditLog() {
    operatorName = account("ops");
    CommandRun granted =
        CommandRun.of(
            "users", "grant-operator", operatorName, "--data", properties.dataDir().toString());
    assertThat(granted.exit()).as(granted.err()).isZero();

    Logger logger = (Logger) LoggerFactory.getLogger(OperatorActions.AUDIT);
    logger.setLevel(Level.INFO);
    audit = new ListAppender<>();
    audit.start();
    logger.addAppender(audit);
  }

  @AfterAll
  void detachAuditLog() {
    ((Logger) LoggerFactory.getLogger(OperatorActions.AUDIT)).detachAppender(audit);
  }

  /** A new account with {@link #PASSWORD}; returns its name. */
  private String account(String prefix) {
    String name = prefix + "-" + run + "-" + NAMES.incrementAndGet();
    accounts.create(name, name + "@mail.example", PASSWORD);
    return name;
  }

  private ConsoleSession operator() throws Exception {
    return new ConsoleSession(port).logIn(operatorName, PASSWORD);
  }

  private List<String> auditLines() {
    return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private int jamendoCode(String clientId) throws Exception {
    HttpResponse<String> r =
        new ConsoleSession(port).get("/v3.0/tracks?client_id=" + clientId + "&limit=1");
    JsonNode doc = JSON.readTree(r.body());
    return doc.path("headers").path("code").asInt();
  }

  @Test
  void nobodyLoggedInIsSentToTheLoginPageAndBackToTheConsole() throws Exception {
    ConsoleSession browser = new ConsoleSession(port);
    HttpResponse<String> asked = browser.get("/console/users");
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(OAuthBrowser.location(asked)).endsWith("/login");

    HttpResponse<String> loggedIn = browser.browser.logIn(operatorName, PASSWORD);
    assertThat(OAuthBrowser.location(loggedIn)).contains("/console/users");
    assertThat(browser.get(OAuthBrowser.location(loggedIn)).statusCode()).isEqualTo(200);
  }

  @Test
  void anAccountWithoutTheOperatorRoleGetsA403PageAndChangesNothing() throws Exception {
    App app = apps.create("untouchable " + run);
    ConsoleSession user = new ConsoleSession(port).logIn(account("user"), PASSWORD);

    for (String page : List.of("/console", "/console/apps", "/console/users", "/console/server")) {
      HttpResponse<String> r = user.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(r.body()).contains("403").doesNotContain("Exception");
    }
    HttpResponse<String> post =
        user.submit("/", "/console/apps/" + app.clientId() + "/suspend", Map.of());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(apps.require(app.clientId()).active()).isTrue();
  }

  @Test
  void operatorSuspendsAnAppAndTheApiAnswersCode11UntilResumed() throws Exception {
    App app = apps.create("suspend me " + run);
    assertThat(jamendoCode(app.clientId())).isZero();
    ConsoleSession ops = operator();
    String page = "/console/apps/" + app.clientId();

    HttpResponse<String> suspended = ops.follow(ops.submit(page, page + "/suspend", Map.of()));
    assertThat(suspended.body())
        .contains("Suspended suspend me " + run)
        .containsPattern("id=\"app-state\"[^>]*>suspended<");
    assertThat(jamendoCode(app.clientId())).isEqualTo(11);
    assertThat(auditLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("operator " + operatorName)
                    .contains("suspended app " + app.clientId()));

    HttpResponse<String> resumed = ops.follow(ops.submit(page, page + "/resume", Map.of()));
    assertThat(resumed.body()).contains("Resumed suspend me " + run);
    assertThat(jamendoCode(app.clientId())).isZero();
    assertThat(auditLines())
        .anySatisfy(l -> assertThat(l).contains("resumed app " + app.clientId()));
  }

  @Test
  void operatorSetsPlanAndLimitsAndABadLimitIsShownNextToItsField() throws Exception {
    App app = apps.create("plans " + run);
    ConsoleSession ops = operator();
    String page = "/console/apps/" + app.clientId();

    HttpResponse<String> plan =
        ops.follow(ops.submit(page, page + "/plan", Map.of("plan", "read-write")));
    assertThat(plan.body()).contains("is now read-write").contains("id=\"app-plan\">read-write<");
    assertThat(apps.require(app.clientId()).plan()).isEqualTo(App.Plan.READ_WRITE);

    HttpResponse<String> limits =
        ops.follow(
            ops.submit(page, page + "/limits", Map.of("perMinute", "120", "monthly", "unlimited")));
    assertThat(limits.body()).contains("Limits set: 120/minute, unlimited/month.");
    assertThat(auditLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("set the limits of app " + app.clientId())
                    .contains("to 120/minute, unlimited/month"));

    HttpResponse<String> bad =
        ops.submit(page, page + "/limits", Map.of("perMinute", "lots", "monthly", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"perMinute-error\"")
        .contains("Requests per minute must be a number of requests, &#39;unlimited&#39; or")
        .contains("value=\"lots\"")
        .contains("aria-invalid=\"true\"");
    assertThat(ops.get(page).body()).contains("120/minute, unlimited/month");

    HttpResponse<String> noPlan = ops.submit(page, page + "/plan", Map.of("plan", "everything"));
    assertThat(noPlan.statusCode()).isEqualTo(400);
    assertThat(noPlan.body()).contains("Plan must be read-only or read-write");

    HttpResponse<String> noApp = ops.submit(page, "/console/apps/0000/suspend", Map.of());
    assertThat(noApp.statusCode()).isEqualTo(400);
    assertThat(noApp.body()).contains("No app with client id 0000");
  }

  @Test
  void operatorApprovesOrDeclinesThePlanADeveloperAskedFor() throws Exception {
    long developer = accounts.login(account("dev")).orElseThrow().userId();
    AppSelfService.Registration wantsWrites =
        new AppSelfService.Registration("writer " + run, "", List.of(), App.Plan.READ_WRITE);
    App asking = selfService.register(developer, "dev", wantsWrites).app();
    App declined =
        selfService
            .register(
                developer,
                "dev",
                new AppSelfService.Registration(
                    "declined " + run, "", List.of(), App.Plan.READ_WRITE))
            .app();
    assertThat(asking.plan()).isEqualTo(App.Plan.READ_ONLY);
    ConsoleSession ops = operator();

    String list = ops.get("/console/apps").body();
    assertThat(list).contains("waiting for a plan approval").contains("writer " + run);
    String page = "/console/apps/" + asking.clientId();
    assertThat(ops.get(page).body()).contains("id=\"plan-request\"");

    HttpResponse<String> approved = ops.follow(ops.submit(page, page + "/approve-plan", Map.of()));
    assertThat(approved.body())
        .contains("Approved: writer " + run + " is now read-write.")
        .contains("id=\"app-plan\">read-write<")
        .doesNotContain("id=\"plan-request\"");
    assertThat(apps.require(asking.clientId()).plan()).isEqualTo(App.Plan.READ_WRITE);
    assertThat(auditLines())
        .anySatisfy(
            l -> assertThat(l).contains("approved the plan asked for by app " + asking.clientId()));

    String other = "/console/apps/" + declined.clientId();
    HttpResponse<String> no = ops.follow(ops.submit(other, other + "/decline-plan", Map.of()));
    assertThat(no.body()).contains("Declined").doesNotContain("id=\"plan-request\"");
    assertThat(apps.require(declined.clientId()).plan()).isEqualTo(App.Plan.READ_ONLY);
    assertThat(selfService.any(declined.clientId()).orElseThrow().requestedPlan()).isEmpty();

    // approving again: nothing is asked for any more
    HttpResponse<String> again = ops.submit(page, page + "/approve-plan", Map.of());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("has asked for no other plan");
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
    App app = apps.create("csrf " + run);
    ConsoleSession ops = operator();
    HttpResponse<String> r =
        ops.browser.post("/console/apps/" + app.clientId() + "/suspend", Map.of());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(apps.require(app.clientId()).active()).isTrue();
  }

  @Test
  void theAppsListSearchesAndPagesAndLinksEachAppToItsUsage() throws Exception {
    String prefix = "paged-" + run;
    List<App> made =
        IntStream.rangeClosed(1, 27)
            .mapToObj(i -> apps.create(prefix + "-" + String.format("%02d", i)))
            .toList();
    ConsoleSession ops = operator();

    String first = ops.get("/console/apps?q=" + prefix.toUpperCase(java.util.Locale.ROOT)).body();
    assertThat(first)
        .contains("1–25 of 27")
        .contains(prefix + "-01")
        .doesNotContain(prefix + "-26");
    assertThat(first).contains("href=\"/developer/apps/" + made.getFirst().clientId() + "/usage\"");
    String second = ops.get("/console/apps?q=" + prefix + "&page=2").body();
    assertThat(second)
        .contains("26–27 of 27")
        .contains(prefix + "-27")
        .doesNotContain(prefix + "-01<");
    // by client id, and a % typed is a percent sign, not a wildcard
    assertThat(ops.get("/console/apps?q=" + made.get(3).clientId()).body()).contains("1–1 of 1");
    assertThat(ops.get("/console/apps?q=%25%25%25").body()).contains("No app matches");
    // a page past the end shows the last page
    assertThat(ops.get("/console/apps?q=" + prefix + "&page=99").body()).contains("26–27 of 27");
  }

  @Test
  void operatorDisablesAndEnablesAnAccountButNotTheirOwn() throws Exception {
    String listener = account("listener");
    ConsoleSession ops = operator();
    String list = "/console/users?q=" + listener;
    assertThat(ops.get(list).body()).contains(listener).contains(">active<");

    HttpResponse<String> disabled =
        ops.follow(
            ops.submit(list, "/console/users/disable", Map.of("name", listener, "q", listener)));
    assertThat(disabled.body()).contains("Disabled " + listener).contains(">disabled<");
    assertThat(OAuthBrowser.location(new ConsoleSession(port).browser.logIn(listener, PASSWORD)))
        .endsWith("/login?disabled");
    assertThat(auditLines())
        .anySatisfy(l -> assertThat(l).contains("disabled account " + listener));

    HttpResponse<String> enabled =
        ops.follow(ops.submit(list, "/console/users/enable", Map.of("name", listener)));
    assertThat(enabled.body()).contains("Enabled " + listener);
    new ConsoleSession(port).logIn(listener, PASSWORD);

    HttpResponse<String> self =
        ops.follow(ops.submit(list, "/console/users/disable", Map.of("name", operatorName)));
    assertThat(self.body()).contains("You cannot disable your own account");
    assertThat(accounts.login(operatorName).orElseThrow().active()).isTrue();

    HttpResponse<String> nobody =
        ops.submit(list, "/console/users/disable", Map.of("name", "no-such-" + run));
    assertThat(nobody.statusCode()).isEqualTo(400);
    assertThat(nobody.body()).contains("No account named no-such-" + run);
  }

  @Test
  void theCatalogPageShowsCountsTheIndexAndTheLastRunsWithTheirReports() throws Exception {
    runs.record(
        RunReports.Kind.IMPORT,
        "jsonl console-" + run + ".jsonl",
        Duration.ofMillis(1500),
        true,
        out -> {
          out.println("Imported jsonl in 1.5 s");
          out.println("  skipped 1");
          out.println("    console-" + run + ".jsonl:3: not valid JSON");
        });
    String page = operator().get("/console/catalog").body();
    long tracks = catalog.count("tracks");
    long documents = tracks + catalog.count("albums") + catalog.count("artists");
    assertThat(page)
        .contains(
            "<dt>Tracks</dt><dd>" + String.format(java.util.Locale.US, "%,d", tracks) + "</dd>")
        .containsPattern("id=\"index-generation\">gen-\\d+<")
        .contains(
            "id=\"index-documents\">" + String.format(java.util.Locale.US, "%,d", documents) + "<")
        .contains("jsonl console-" + run + ".jsonl")
        .contains("console-" + run + ".jsonl:3: not valid JSON")
        .contains("id=\"analysis-waiting\"");
  }

  /** Requests the server's request timer holds for {@code uri}. */
  private long timed(String uri) {
    return meters.find("http.server.requests").tag("uri", uri).timers().stream()
        .mapToLong(io.micrometer.core.instrument.Timer::count)
        .sum();
  }

  @Test
  void theServerPageShowsRequestsByApiMethodFromTheRequestMetrics() throws Exception {
    App app = apps.create("metrics " + run);
    metrics.sample(); // a baseline, so the next sample holds just the calls below
    long before = timed("/v3.0/albums/tracks");
    for (int i = 0; i < 3; i++) {
      assertThat(jamendoCode(app.clientId())).isZero();
    }
    new ConsoleSession(port).get("/v3.0/albums/tracks?client_id=" + app.clientId());
    // The timer records after the response has gone out: wait until it has the last call.
    Awaitility.await().until(() -> timed("/v3.0/albums/tracks") > before);
    metrics.sample();

    ConsoleSession ops = operator();
    String page = ops.get("/console/server").body();
    assertThat(page)
        .contains("GET /v3.0/tracks")
        .contains("GET /v3.0/albums/tracks")
        .containsPattern("src=\"/assets/console-charts-[0-9a-f]{32}\\.js\"")
        .containsPattern("src=\"/webjars/uplot/[^\"]+/uPlot\\.iife\\.min[^\"]*\\.js\"");

    JsonNode data = JSON.readTree(ops.get("/console/server/metrics").body());
    assertThat(data.path("times").size()).isPositive();
    List<String> routes = data.path("routes").valueStream().map(JsonNode::asString).toList();
    assertThat(routes).contains("GET /v3.0/tracks");
    int i = routes.indexOf("GET /v3.0/tracks");
    JsonNode rates = data.path("rates").get(i);
    assertThat(rates.get(rates.size() - 1).asDouble()).isPositive();
    assertThat(data.path("latencies").get(i).get(rates.size() - 1).asDouble()).isPositive();
  }
}
