package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code stave.audio.roots} set in the environment, as an operator deploys it: a bare {@code stave
 * scan} scans the configured folder, {@code stave serve} serves its files at the URLs the Jamendo
 * answer hands out, and once the folder is no longer configured the same URL serves nothing.
 */
class ConfiguredRootsServeTest {
  @TempDir Path work;

  @Test
  void rootsFromTheEnvironmentAreScannedAndServedAndOnlyWhileConfigured() throws Exception {
    Path music = work.resolve("music");
    Path file =
        TestAudio.write(
            music.resolve("Ana/Album/01 Tone.mp3"),
            TestAudio.tone(2, 440),
            Map.of("title", "Tone", "artist", "Ana", "album", "Album"),
            null);
    String data = work.resolve("data").toString();
    Map<String, String> env = Map.of("STAVE_AUDIO_ROOTS", music.toString());

    try (StaveProcess scan =
        StaveProcess.start(work, env, "scan", "--data", data, "--no-progress")) {
      assertThat(scan.waitFor(Duration.ofMinutes(3))).as(scan.output()).isZero();
      assertThat(scan.output())
          .contains("Scanned " + music.toRealPath())
          .containsPattern("added\\s+1\\n");
    }

    String url;
    int port = freePort();
    try (StaveProcess serve =
        StaveProcess.start(work, env, "serve", "--port", "" + port, "--data", data)) {
      String client = clientId(serve);
      HttpResponse<String> tracks =
          get(
              "http://127.0.0.1:" + port + "/v3.0/tracks/?audioformat=mp32&client_id=" + client,
              HttpResponse.BodyHandlers.ofString());
      url =
          JsonMapper.builder()
              .build()
              .readTree(tracks.body())
              .get("results")
              .get(0)
              .get("audio")
              .asString();
      HttpResponse<byte[]> audio = get(url, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(audio.statusCode()).isEqualTo(200);
      assertThat(audio.body()).isEqualTo(Files.readAllBytes(file));
      serve.stop(Duration.ofSeconds(30));
    }

    // The folder is no longer configured: the track stays in the catalog, its file is not served.
    try (StaveProcess serve =
        StaveProcess.start(work, "serve", "--port", "" + port, "--data", data)) {
      clientId(serve);
      assertThat(get(url, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(404);
      serve.stop(Duration.ofSeconds(30));
    }
  }

  private static String clientId(StaveProcess serve) throws InterruptedException {
    String line = serve.awaitLine(l -> l.contains("client id"), Duration.ofMinutes(2));
    Matcher m = Pattern.compile("client id\\s+:\\s+([0-9a-f]{32})").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return m.group(1);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static <T> HttpResponse<T> get(String url, HttpResponse.BodyHandler<T> body)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), body);
  }
}
