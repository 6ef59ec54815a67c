package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CrashPoint;
import dev.stave.cli.StaveCommand;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code stave backup} while {@code stave serve} takes a steady stream of {@code setuser/favorite}
 * writes over HTTP, then {@code stave restore} into an empty data directory and a server started on
 * it: every favorite acknowledged before the backup process started is there (read back over HTTP
 * with the token issued before the backup), nothing that was never acknowledged is, writes went on
 * being acknowledged while the backup ran, and the restored server has the same signing key and a
 * rebuilt search index. All with real processes, as an operator runs them. (In this package for the
 * OAuth browser the setuser writes need.)
 */
class BackupUnderWriteLoadTest {
  private static final String REDIRECT = "http://localhost:1410/";
  private static final String PASSWORD = "backup proof";
  private static final Map<String, String> NO_LIMITS = Map.of("STAVE_LIMITS_ENABLED", "false");

  @TempDir Path work;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private StaveProcess serve(TestDatabase db, int port) throws Exception {
    List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
    args.addAll(db.cliOptions());
    StaveProcess stave = StaveProcess.start(work, NO_LIMITS, args.toArray(String[]::new));
    stave.awaitLine(l -> l.contains("Stave is serving"), Duration.ofSeconds(120));
    return stave;
  }

  @Test
  void aBackupTakenUnderLoadRestoresEveryAcknowledgedWrite() throws Exception {
    Path dataA = work.resolve("data-a");
    Path dataB = work.resolve("data-b");
    Path backup = work.resolve("backup");
    TestDatabase a = TestDatabases.sqlite(dataA);
    List<String> acked = new CopyOnWriteArrayList<>();
    Set<String> before;
    int duringBackup;
    AppRegistry.Issued app;
    String token;
    List<String> tracks;
    int port = freePort();
    try (StaveProcess server = serve(a, port)) {
      try (ConfigurableApplicationContext ctx =
          StaveTestContexts.start(a, "--stave.search.auto-start=false")) {
        app =
            ctx.getBean(AppRegistry.class)
                .register("Backed up", null, App.Plan.READ_WRITE, List.of(REDIRECT));
        ctx.getBean(Accounts.class).create("bea", "bea@mail.example", PASSWORD);
      }
      OAuthBrowser browser = new OAuthBrowser(port);
      token = browser.tokens(app, "bea", PASSWORD, REDIRECT).get("access_token").asString();
      tracks = trackIds(browser, app, 1000);

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong refused = new AtomicLong();
      Thread writer =
          Thread.ofPlatform()
              .start(() -> favoriteEach(browser, app, token, tracks, stop, acked, refused));
      while (acked.size() < 100 && writer.isAlive()) {
        Thread.sleep(20);
      }
      // Everything acknowledged before the backup process exists is certainly before its snapshot.
      before = new HashSet<>(acked);
      try (StaveProcess backupRun =
          StaveProcess.start(
              work, "backup", backup.toString(), "--data", dataA.toString(), "--no-progress")) {
        assertThat(backupRun.waitFor(Duration.ofMinutes(3))).as(backupRun.output()).isZero();
        System.out.println(backupRun.output());
      }
      duringBackup = acked.size() - before.size();
      stop.set(true);
      writer.join();
      assertThat(refused.get()).as("writes refused while the backup ran").isZero();
      assertThat(server.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }
    System.out.printf(
        "backup under load: %d favorites acknowledged before the backup, %d while it ran%n",
        before.size(), duringBackup);
    assertThat(duringBackup).as("writes acknowledged while the backup ran").isPositive();
    assertThat(backup.resolve("stave-backup.properties")).isRegularFile();
    assertThat(Files.readAllBytes(backup.resolve("audio-signing.key")))
        .isEqualTo(Files.readAllBytes(dataA.resolve("audio-signing.key")));

    try (StaveProcess restore =
        StaveProcess.start(
            work, "restore", backup.toString(), "--data", dataB.toString(), "--no-progress")) {
      assertThat(restore.waitFor(Duration.ofMinutes(3))).as(restore.output()).isZero();
      assertThat(restore.output()).contains("Rebuilt the search index");
    }
    assertThat(Files.readAllBytes(dataB.resolve("audio-signing.key")))
        .isEqualTo(Files.readAllBytes(dataA.resolve("audio-signing.key")));
    // the other keys of the data directory (the Subsonic passwords' encryption key) come along
    assertThat(Files.readAllBytes(dataB.resolve("subsonic.key")))
        .isEqualTo(Files.readAllBytes(dataA.resolve("subsonic.key")));

    int again = freePort();
    try (StaveProcess server = serve(TestDatabases.sqlite(dataB), again)) {
      OAuthBrowser browser = new OAuthBrowser(again);
      Set<String> restored = favorites(browser, app, token, tracks);
      assertThat(restored).containsAll(before);
      assertThat(acked).containsAll(restored); // nothing that was never acknowledged
      // the rebuilt index answers a search for a track of the restored catalog
      String name =
          OAuthBrowser.json(
                  browser.get(
                      "/v3.0/tracks?id=" + tracks.get(0) + "&client_id=" + app.app().clientId()))
              .get("results")
              .get(0)
              .get("name")
              .asString();
      JsonNode found =
          OAuthBrowser.json(
              browser.get(
                  "/v3.0/tracks?namesearch="
                      + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                      + "&client_id="
                      + app.app().clientId()));
      assertThat(found.get("results").size()).as(found.toString()).isPositive();
      assertThat(server.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }
  }

  @Test
  void aBackupStoppedBeforeItIsCompleteLeavesNothing() throws Exception {
    Path data = work.resolve("data");
    assertThat(StaveCommand.run("demo", "--tracks", "50", "--data", data.toString())).isZero();
    Path backup = work.resolve("stopped");
    try (StaveProcess run =
        StaveProcess.start(
            work,
            "backup",
            backup.toString(),
            "--data",
            data.toString(),
            "--no-progress",
            "--hold-before-rename")) {
      run.awaitLine(l -> l.contains(CrashPoint.ANNOUNCEMENT), Duration.ofMinutes(2));
      // everything is written, only the rename is missing: a SIGTERM (as Ctrl-C) now
      assertThat(run.stop(Duration.ofSeconds(30))).isNotZero();
    }
    assertThat(backup).doesNotExist();
    try (var left = Files.list(work)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no partial backup left beside it")
          .noneMatch(n -> n.contains("partial"));
    }
    // and the same backup, not interrupted, is made and restorable
    try (StaveProcess run =
        StaveProcess.start(
            work, "backup", backup.toString(), "--data", data.toString(), "--no-progress")) {
      assertThat(run.waitFor(Duration.ofMinutes(2))).as(run.output()).isZero();
    }
    assertThat(
            StaveCommand.run(
                "restore",
                backup.toString(),
                "--data",
                work.resolve("restored").toString(),
                "--no-progress"))
        .isZero();
    assertThat(work.resolve("restored").resolve("stave.db")).isRegularFile();
  }

  @Test
  void onPostgresqlBackupAndRestoreExplainPgDumpAndWriteNothing() {
    Path dir = work.resolve("pg-backup");
    for (String command : List.of("backup", "restore")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream old = System.err;
      int exit;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        exit =
            StaveCommand.run(
                command, dir.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:9/none");
      } finally {
        System.setErr(old);
      }
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("PostgreSQL").contains("pg_");
    }
    assertThat(dir).doesNotExist();
  }

  /** Favorites each track in turn until stopped, recording every acknowledged one. */
  private static void favoriteEach(
      OAuthBrowser browser,
      AppRegistry.Issued app,
      String token,
      List<String> tracks,
      AtomicBoolean stop,
      List<String> acked,
      AtomicLong refused) {
    try {
      for (String track : tracks) {
        if (stop.get()) {
          return;
        }
        HttpResponse<String> r =
            browser.post(
                "/v3.0/setuser/favorite",
                Map.of(
                    "client_id", app.app().clientId(), "access_token", token, "track_id", track));
        if (r.statusCode() == 200 && OAuthBrowser.json(r).get("headers").get("code").asInt() == 0) {
          acked.add(track);
        } else {
          refused.incrementAndGet();
        }
        Thread.sleep(10); // a steady load, not a flood
      }
    } catch (Exception e) {
      refused.incrementAndGet();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> trackIds(OAuthBrowser browser, AppRegistry.Issued app, int n)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int offset = 0; ids.size() < n; offset += 200) {
      JsonNode body =
          OAuthBrowser.json(
              browser.get(
                  "/v3.0/tracks?limit=200&offset="
                      + offset
                      + "&client_id="
                      + app.app().clientId()));
      body.get("results").forEach(t -> ids.add(t.get("id").asString()));
      if (body.get("results").size() < 200) {
        break;
      }
    }
    return ids;
  }

  /**
   * Which of {@code tracks} the user has favorited, singles included. {@code users/tracks} answers
   * at most 400 tracks (the sub-entity budget, spec §5.3) and has no paging, so the tracks are
   * asked for 100 at a time by {@code track_id}.
   */
  private static Set<String> favorites(
      OAuthBrowser browser, AppRegistry.Issued app, String token, List<String> tracks)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (int from = 0; from < tracks.size(); from += 100) {
      List<String> chunk = tracks.subList(from, Math.min(tracks.size(), from + 100));
      JsonNode body =
          OAuthBrowser.json(
              browser.get(
                  "/v3.0/users/tracks?relation=favorite&track_type=single+albumtrack&track_id="
                      + String.join("+", chunk)
                      + "&client_id="
                      + app.app().clientId()
                      + "&access_token="
                      + token));
      assertThat(body.get("headers").get("code").asInt()).as(body.toString()).isZero();
      JsonNode results = body.get("results");
      if (results.isEmpty()) {
        continue; // none of this chunk is a favorite
      }
      results.get(0).get("tracks").forEach(t -> ids.add(t.get("id").asString()));
    }
    return ids;
  }
}
