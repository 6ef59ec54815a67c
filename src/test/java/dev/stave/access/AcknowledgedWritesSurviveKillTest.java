package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CrashTally;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Every acknowledged {@code setuser} write, and the OAuth2 state behind it, survives SIGKILL of the
 * server right after the last response: twice in a row, on SQLite and on PostgreSQL, all ten write
 * methods (the five relations and their undo extensions) sent at once from several clients. After
 * each restart on the same data directory and database, the user's reads over HTTP show exactly the
 * acknowledged relations, the dislike counters count exactly the acknowledged dislikes, the token
 * still works and the refresh token still refreshes. The server's own log never shows a secret,
 * password or token.
 */
class AcknowledgedWritesSurviveKillTest {
  private static final String REDIRECT = "http://localhost:1410/";
  private static final String PASSWORD = "kill nine proof";

  @TempDir Path work;

  /** One write method call: {@code setuser/<method>} with {@code param=id}. */
  private record Write(String method, String param, String id) {}

  /** The relations the acknowledged writes so far leave, per relation: target ids. */
  private final Map<String, Set<String>> expected = new HashMap<>();

  /** Acknowledged writes so far: after each restart, the effect of every one is checked. */
  private int acknowledged;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private StaveProcess serve(TestDatabase db, int port) throws Exception {
    List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
    args.addAll(db.cliOptions());
    StaveProcess stave = StaveProcess.start(work, args.toArray(String[]::new));
    stave.awaitLine(l -> l.contains("Stave is serving"), Duration.ofSeconds(120));
    return stave;
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void everyAcknowledgedWriteAndTheTokensSurviveTwoSigkills(StoreKind kind) throws Exception {
    TestDatabase db = TestDatabases.create(kind, work.resolve("data"));
    try {
      survive(kind, db);
    } finally {
      TestDatabases.drop(db);
    }
  }

  private void survive(StoreKind kind, TestDatabase db) throws Exception {
    StringBuilder logs = new StringBuilder();
    AppRegistry.Issued app;
    String token;
    String refresh;
    List<String> tracks;
    List<String> artists;
    List<String> albums;
    Map<String, Long> dislikesBefore = new HashMap<>();
    int port = freePort();
    try (StaveProcess stave = serve(db, port)) {
      // The operator's CLI, beside the running server (after its first start seeded the demo
      // catalog, whose demo users take the first ids).
      try (ConfigurableApplicationContext ctx =
          StaveTestContexts.start(db, "--stave.search.auto-start=false")) {
        app =
            ctx.getBean(AppRegistry.class)
                .register("Durable", null, App.Plan.READ_WRITE, List.of(REDIRECT));
        ctx.getBean(Accounts.class).create("dora", "dora@mail.example", PASSWORD);
      }
      OAuthBrowser browser = new OAuthBrowser(port);
      JsonNode tokens = browser.tokens(app, "dora", PASSWORD, REDIRECT);
      token = tokens.get("access_token").asString();
      refresh = tokens.get("refresh_token").asString();
      tracks = ids(browser, app, "tracks", 8);
      artists = ids(browser, app, "artists", 3);
      albums = ids(browser, app, "albums", 3);
      for (String t : tracks) {
        dislikesBefore.put(t, dislikes(browser, app, t));
      }
      List<Write> first = new ArrayList<>();
      artists.subList(0, 2).forEach(a -> first.add(new Write("fan", "artist_id", a)));
      albums.subList(0, 2).forEach(a -> first.add(new Write("myalbum", "album_id", a)));
      tracks.subList(0, 3).forEach(t -> first.add(new Write("favorite", "track_id", t)));
      tracks.subList(3, 5).forEach(t -> first.add(new Write("like", "track_id", t)));
      tracks.subList(5, 7).forEach(t -> first.add(new Write("dislike", "track_id", t)));
      writeThenKill(stave, browser, app, token, first);
      logs.append(stave.output()).append('\n');
    }
    int crashes = 1;
    long checked = 0;

    List<Write> second =
        List.of(
            new Write("unfan", "artist_id", artists.get(0)),
            new Write("fan", "artist_id", artists.get(2)),
            new Write("unmyalbum", "album_id", albums.get(0)),
            new Write("myalbum", "album_id", albums.get(2)),
            new Write("unfavorite", "track_id", tracks.get(0)),
            new Write("favorite", "track_id", tracks.get(7)),
            new Write("like", "track_id", tracks.get(0)),
            new Write("unlike", "track_id", tracks.get(3)),
            new Write("undislike", "track_id", tracks.get(5)),
            new Write("dislike", "track_id", tracks.get(7)));
    int again = freePort();
    try (StaveProcess stave = serve(db, again)) {
      OAuthBrowser browser = new OAuthBrowser(again);
      checked += verify(browser, app, token, tracks, dislikesBefore);
      writeThenKill(stave, browser, app, token, second);
      logs.append(stave.output()).append('\n');
    }
    crashes++;

    int last = freePort();
    try (StaveProcess stave = serve(db, last)) {
      OAuthBrowser browser = new OAuthBrowser(last);
      checked += verify(browser, app, token, tracks, dislikesBefore);
      HttpResponse<String> refreshed = browser.grant(OAuthBrowser.refreshGrant(app, refresh));
      assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
      String log = logs + stave.output();
      assertThat(log)
          .doesNotContain(app.clientSecret())
          .doesNotContain(PASSWORD)
          .doesNotContain(token)
          .doesNotContain(refresh)
          .doesNotContain(OAuthBrowser.json(refreshed).get("access_token").asString());
      assertThat(stave.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }
    CrashTally.report(kind, "setuser writes over HTTP", crashes, checked, "acknowledged writes");
  }

  /**
   * Sends {@code writes} at once from four clients, records each acknowledged one in {@link
   * #expected}, and kills the server the moment the last acknowledgement is in.
   */
  private void writeThenKill(
      StaveProcess stave, OAuthBrowser browser, AppRegistry.Issued app, String token, List<Write> w)
      throws Exception {
    List<Future<HttpResponse<String>>> acks = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
      for (Write write : w) {
        acks.add(
            clients.submit(
                () ->
                    browser.post(
                        "/v3.0/setuser/" + write.method(),
                        Map.of(
                            "client_id",
                            app.app().clientId(),
                            "access_token",
                            token,
                            write.param(),
                            write.id()))));
      }
      for (Future<HttpResponse<String>> ack : acks) {
        ack.get();
      }
    }
    stave.kill(); // at once, after the last acknowledgement and before anything else
    for (int i = 0; i < w.size(); i++) {
      JsonNode body = OAuthBrowser.json(acks.get(i).get());
      assertThat(body.get("headers").get("code").asInt()).as(body.toString()).isZero();
      acknowledged++;
      Write write = w.get(i);
      boolean undo = write.method().startsWith("un");
      Set<String> targets =
          expected.computeIfAbsent(
              undo ? write.method().substring(2) : write.method(), k -> new LinkedHashSet<>());
      if (undo) {
        targets.remove(write.id());
      } else {
        targets.add(write.id());
      }
    }
  }

  /**
   * Checks, over HTTP on a restarted server with the token issued before the crashes, that it shows
   * exactly the relations in {@link #expected}. Returns the number of acknowledged writes whose
   * effect (a relation there, or gone again) was checked.
   */
  private long verify(
      OAuthBrowser browser,
      AppRegistry.Issued app,
      String token,
      List<String> tracks,
      Map<String, Long> dislikesBefore)
      throws Exception {
    String auth = "client_id=" + app.app().clientId() + "&access_token=" + token;
    assertThat(listed(browser, "/v3.0/users/artists?" + auth, "artists"))
        .containsExactlyInAnyOrderElementsOf(expected.get("fan"));
    assertThat(listed(browser, "/v3.0/users/albums?" + auth, "albums"))
        .containsExactlyInAnyOrderElementsOf(expected.get("myalbum"));
    assertThat(listed(browser, "/v3.0/users/tracks?relation=favorite&" + auth, "tracks"))
        .containsExactlyInAnyOrderElementsOf(expected.get("favorite"));
    assertThat(listed(browser, "/v3.0/users/tracks?relation=like&" + auth, "tracks"))
        .containsExactlyInAnyOrderElementsOf(expected.get("like"));
    for (String t : tracks) {
      long disliked = expected.get("dislike").contains(t) ? 1 : 0;
      assertThat(dislikes(browser, app, t))
          .as("dislikes of track " + t)
          .isEqualTo(dislikesBefore.get(t) + disliked);
    }
    return acknowledged;
  }

  private static List<String> listed(OAuthBrowser browser, String path, String field)
      throws Exception {
    JsonNode body = OAuthBrowser.json(browser.get(path));
    List<String> ids = new ArrayList<>();
    for (JsonNode item : body.get("results").get(0).get(field)) {
      ids.add(item.get("id").asString());
    }
    return ids;
  }

  private static List<String> ids(
      OAuthBrowser browser, AppRegistry.Issued app, String entity, int n) throws Exception {
    JsonNode body =
        OAuthBrowser.json(
            browser.get("/v3.0/" + entity + "?limit=" + n + "&client_id=" + app.app().clientId()));
    List<String> ids = new ArrayList<>();
    for (JsonNode item : body.get("results")) {
      ids.add(item.get("id").asString());
    }
    assertThat(ids).hasSize(n);
    return ids;
  }

  private static long dislikes(OAuthBrowser browser, AppRegistry.Issued app, String track)
      throws Exception {
    JsonNode body =
        OAuthBrowser.json(
            browser.get(
                "/v3.0/tracks?include=stats&id=" + track + "&client_id=" + app.app().clientId()));
    return body.get("results").get(0).get("stats").get("dislikes").asLong();
  }
}
