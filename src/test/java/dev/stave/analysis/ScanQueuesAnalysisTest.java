package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.access.AppRegistry;
import dev.stave.ingest.CliRun;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scan queues the analysis of new and changed files (table analysis_queue), and the queue is
 * consumed: by {@code stave serve}'s background worker, until {@code /v1/track/{id}/audio-features}
 * and Jamendo's musicinfo show the features, and by {@code stave analyze --missing} for a file that
 * changed after it had features. Through the CLI and HTTP, on SQLite and PostgreSQL.
 */
class ScanQueuesAnalysisTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  /** track name → {version, error}, as stored. */
  private static Map<String, List<Object>> queue(TestDatabase db) throws Exception {
    Map<String, List<Object>> q = new LinkedHashMap<>();
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT t.name, q.version, q.error FROM analysis_queue q"
                        + " JOIN tracks t ON t.id = q.track_id ORDER BY t.name")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        row.add(rs.getLong(2));
        row.add(rs.getString(3));
        q.put(rs.getString(1), row);
      }
    }
    return q;
  }

  private static String[] ids(TestDatabase db, String name) throws Exception {
    try (Connection c = db.connect();
        var ps = c.prepareStatement("SELECT id, uuid FROM tracks WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(name).isTrue();
        return new String[] {String.valueOf(rs.getLong(1)), rs.getString(2)};
      }
    }
  }

  private static CliRun cli(TestDatabase db, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(db.cliOptions());
    all.add("--no-progress");
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  /** Rewrites {@code file} with other audio, and moves its modification time on. */
  private static void change(Path file, float[] audio) throws Exception {
    FileTime before = Files.getLastModifiedTime(file);
    Synth.wav(file, audio);
    Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(10)));
  }

  private static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static boolean hasFeatures(int port, String uuid) throws Exception {
    HttpResponse<String> r = get(port, "/v1/track/" + uuid + "/audio-features");
    return r.statusCode() == 200 && JSON.readTree(r.body()).path("tempo").isNumber();
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void scannedFilesAreAnalysedByTheServerAndByAnalyzeMissing(StoreKind kind) throws Exception {
    TestDatabase db = TestDatabases.create(kind, tmp.resolve("data"));
    try {
      scanServeAnalyze(db);
    } finally {
      TestDatabases.drop(db);
    }
  }

  private void scanServeAnalyze(TestDatabase db) throws Exception {
    Path music = Files.createDirectories(tmp.resolve("music"));
    Path beat = Synth.wav(music.resolve("Beat.wav"), Synth.song(7, 1, 120, 15, 1));
    Path chords = Synth.wav(music.resolve("Chords.wav"), Synth.song(0, 1, 90, 15, 2));

    assertThat(cli(db, "scan", music.toString()).out())
        .as("the scan says what it queued")
        .containsPattern("to analyse\\s+2\\b");
    assertThat(queue(db))
        .as("both new files queued, in the scan's transaction")
        .containsOnlyKeys("Beat", "Chords")
        .allSatisfy((name, row) -> assertThat(row).containsExactly(1L, null));

    // A rescan queues what changed, and only that.
    change(beat, Synth.song(7, 1, 120, 15, 3));
    assertThat(cli(db, "scan", music.toString()).out()).containsPattern("to analyse\\s+1\\b");
    assertThat(queue(db).get("Beat")).containsExactly(2L, null);
    assertThat(queue(db).get("Chords")).containsExactly(1L, null);

    String client;
    try (ConfigurableApplicationContext ctx =
        StaveTestContexts.start(db, "--stave.search.auto-start=false")) {
      client = ctx.getBean(AppRegistry.class).create("queue test").clientId();
    }
    String[] beatIds = ids(db, "Beat");
    String[] chordIds = ids(db, "Chords");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> serve = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
    serve.addAll(db.cliOptions());
    try (StaveProcess server = StaveProcess.start(tmp, serve.toArray(String[]::new))) {
      server.awaitLine(l -> l.contains("Stave is serving"), Duration.ofSeconds(120));
      // Poll until the background worker has stored both (a bound only against hanging forever).
      Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
      while (!(hasFeatures(port, beatIds[1]) && hasFeatures(port, chordIds[1]))) {
        assertThat(Instant.now()).as(server.output()).isBefore(giveUp);
        Thread.sleep(250);
      }
      JsonNode features =
          JSON.readTree(get(port, "/v1/track/" + beatIds[1] + "/audio-features").body());
      assertThat(features.get("tempo").asDouble()).isCloseTo(120, within(2.4));
      JsonNode both =
          JSON.readTree(
              get(port, "/v1/audio-features?ids=" + beatIds[1] + "," + chordIds[1]).body());
      assertThat(both.get("content")).hasSize(2);
      String jamendo =
          get(
                  port,
                  "/v3.0/tracks/?client_id="
                      + client
                      + "&id="
                      + beatIds[0]
                      + "&type=single+albumtrack&include=musicinfo")
              .body();
      assertThat(JSON.readTree(jamendo).get("results")).as(jamendo).hasSize(1);
      JsonNode info = JSON.readTree(jamendo).get("results").get(0).get("musicinfo");
      assertThat(info.get("speed").asString()).isEqualTo("medium");
      assertThat(info.get("vocalinstrumental").asString()).isEqualTo("instrumental");
      // Progress is logged once the batch is indexed too (just after the features are visible).
      server.awaitLine(
          l -> l.contains("analysis queue:") && l.contains(" 0 waiting"), Duration.ofMinutes(2));
      assertThat(server.stop(Duration.ofSeconds(60))).isIn(0, 143);
    }
    assertThat(queue(db)).as("the worker removed what it stored").isEmpty();

    // A file that changes after it has features is queued again, and analyze --missing takes it.
    change(chords, Synth.song(2, 0, 100, 15, 4));
    cli(db, "scan", music.toString());
    assertThat(queue(db)).containsOnlyKeys("Chords");
    CliRun analyze = cli(db, "analyze", "--missing");
    assertThat(analyze.out())
        .containsPattern("tracks with audio to analyse\\s+1\\b")
        .containsPattern("skipped \\(have features\\)\\s+1\\b")
        .containsPattern("analysed\\s+1\\b");
    assertThat(queue(db)).isEmpty();
  }
}
