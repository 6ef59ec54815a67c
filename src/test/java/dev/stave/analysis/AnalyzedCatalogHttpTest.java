package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.access.AppRegistry;
import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code stave analyze} stored is what both dialects serve: the ReccoBeats features of the
 * track and Jamendo's musicinfo labels and speed filter, from a server started on the analysed data
 * directory.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyzedCatalogHttpTest {
  @TempDir static Path tmp;
  static String uuid;

  @LocalServerPort int port;
  @Autowired AppRegistry apps;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> tmp.resolve("data").toString());
  }

  /** Runs before the server starts: scan and analyse one 120 BPM track in G major. */
  @BeforeAll
  static void analysed() throws Exception {
    Path data = tmp.resolve("data");
    Path wav = Synth.wav(tmp.resolve("band.wav"), Synth.song(7, 1, 120, 20, 1));
    Path mp3 = tmp.resolve("music/Band/Beat/01 Beat.mp3");
    Files.createDirectories(mp3.getParent());
    TestAudio.ffmpeg()
        .run(
            List.of(
                "-i",
                "file:" + wav,
                "-c:a",
                "libmp3lame",
                "-metadata",
                "title=Beat",
                "-metadata",
                "artist=Band",
                "file:" + mp3));
    assertThat(
            CliRun.of(
                    "scan",
                    tmp.resolve("music").toString(),
                    "--data",
                    data.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    assertThat(CliRun.of("analyze", "--data", data.toString(), "--no-progress").exitCode())
        .isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT uuid FROM tracks")) {
      assertThat(rs.next()).isTrue();
      uuid = rs.getString(1);
    }
  }

  private JsonNode get(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(pathAndQuery + " → " + r.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.body());
  }

  @Test
  void bothDialectsServeTheAnalysis() throws Exception {
    JsonNode features = get("/v1/audio-features?ids=" + uuid).get("content").get(0);
    assertThat(features.get("tempo").asDouble()).isCloseTo(120, within(2.4));
    assertThat(features.get("key").asInt()).isEqualTo(7);
    assertThat(features.get("mode").asInt()).isEqualTo(1);
    assertThat(get("/v1/track/" + uuid + "/audio-features").get("energy").asDouble())
        .isBetween(0.0, 1.0);

    String client = apps.create("analysis test").clientId();
    JsonNode tracks = get("/v3.0/tracks/?client_id=" + client + "&include=musicinfo&speed=medium");
    assertThat(tracks.get("results")).hasSize(1);
    JsonNode info = tracks.get("results").get(0).get("musicinfo");
    assertThat(info.get("speed").asString()).isEqualTo("medium");
    assertThat(info.get("vocalinstrumental").asString()).isEqualTo("instrumental");
    assertThat(get("/v3.0/tracks/?client_id=" + client + "&speed=veryhigh").get("results"))
        .isEmpty();
  }
}
