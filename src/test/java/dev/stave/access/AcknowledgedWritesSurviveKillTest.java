package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.TestDatabases;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A write method's acknowledged effect, and the OAuth2 state behind it, survive SIGKILL of the
 * server right after the response: a restarted server still honours the token and the refresh
 * token, and shows the favorite. The server's own log never shows a secret, password or token.
 */
class AcknowledgedWritesSurviveKillTest {
  private static final String REDIRECT = "http://localhost:1410/";
  private static final String PASSWORD = "kill nine proof";

  @TempDir Path work;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private StaveProcess serve(Path data, int port) throws Exception {
    StaveProcess stave =
        StaveProcess.start(
            work, "serve", "--port", String.valueOf(port), "--data", data.toString());
    stave.awaitLine(l -> l.contains("Stave is serving"), Duration.ofSeconds(120));
    return stave;
  }

  @Test
  void aFavoriteAndTheTokensSurviveSigkillRightAfterTheResponse() throws Exception {
    Path data = work.resolve("data");
    int port = freePort();
    String token;
    String refresh;
    String trackId;
    String firstLog;
    AppRegistry.Issued app;
    try (StaveProcess stave = serve(data, port)) {
      // The operator's CLI, beside the running server (after its first start seeded the demo
      // catalog, whose demo users take the first ids).
      try (ConfigurableApplicationContext ctx =
          StaveTestContexts.start(TestDatabases.sqlite(data), "--stave.search.auto-start=false")) {
        app =
            ctx.getBean(AppRegistry.class)
                .register("Durable", null, App.Plan.READ_WRITE, List.of(REDIRECT));
        ctx.getBean(Accounts.class).create("dora", "dora@mail.example", PASSWORD);
      }
      String clientId = app.app().clientId();
      OAuthBrowser browser = new OAuthBrowser(port);
      JsonNode tokens = browser.tokens(app, "dora", PASSWORD, REDIRECT);
      token = tokens.get("access_token").asString();
      refresh = tokens.get("refresh_token").asString();
      trackId =
          OAuthBrowser.json(browser.get("/v3.0/tracks?limit=1&client_id=" + clientId))
              .get("results")
              .get(0)
              .get("id")
              .asString();
      HttpResponse<String> ack =
          browser.post(
              "/v3.0/setuser/favorite",
              Map.of("client_id", clientId, "access_token", token, "track_id", trackId));
      stave.kill(); // at once, after the acknowledgement and before anything else
      assertThat(OAuthBrowser.json(ack).get("headers").get("code").asInt()).isZero();
      firstLog = stave.output();
    }

    String clientId = app.app().clientId();
    int again = freePort();
    try (StaveProcess stave = serve(data, again)) {
      OAuthBrowser browser = new OAuthBrowser(again);
      JsonNode user =
          OAuthBrowser.json(
                  browser.get(
                      "/v3.0/users/tracks?relation=favorite&client_id="
                          + clientId
                          + "&access_token="
                          + token))
              .get("results")
              .get(0);
      assertThat(user.get("name").asString()).isEqualTo("dora");
      assertThat(user.get("tracks").get(0).get("id").asString()).isEqualTo(trackId);
      HttpResponse<String> refreshed = browser.grant(OAuthBrowser.refreshGrant(app, refresh));
      assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
      String log = firstLog + "\n" + stave.output();
      assertThat(log)
          .doesNotContain(app.clientSecret())
          .doesNotContain(PASSWORD)
          .doesNotContain(token)
          .doesNotContain(refresh)
          .doesNotContain(OAuthBrowser.json(refreshed).get("access_token").asString());
      assertThat(stave.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }
  }
}
