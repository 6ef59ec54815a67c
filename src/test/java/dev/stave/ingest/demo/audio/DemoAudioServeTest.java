package dev.stave.ingest.demo.audio;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's {@code stave serve} on an empty data directory answers at once and makes the demo
 * audio behind it: the first tracks play (signed URL, MP3, waveform) while the rest is made; a
 * server stopped half way continues at the next start, and in the end every planned track has one
 * complete file and nothing temporary is left. A small share ({@code STAVE_DEMO_AUDIO_TRACKS=12})
 * keeps it to a few dozen seconds.
 */
class DemoAudioServeTest {
  private static final Pattern PLAYABLE =
      Pattern.compile("demo audio: (\\d+) of (\\d+) tracks playable");

  @TempDir Path work;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void freshServerMakesDemoAudioInTheBackgroundAndResumesAfterARestart() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> env =
        Map.of("STAVE_DEMO_AUDIO_ENABLED", "true", "STAVE_DEMO_AUDIO_TRACKS", "12");
    long planned;
    try (StaveProcess stave = serve(env, data)) {
      String clientId = clientId(stave);
      // The server answered before any piece was made; the first batch then becomes playable.
      String first =
          stave.awaitLine(
              l -> {
                Matcher p = PLAYABLE.matcher(l);
                return p.find() && Long.parseLong(p.group(1)) > 0;
              },
              Duration.ofSeconds(120));
      Matcher m = PLAYABLE.matcher(first);
      assertThat(m.find()).isTrue();
      planned = Long.parseLong(m.group(2));
      assertThat(planned).isGreaterThanOrEqualTo(12);

      List<String> plan = Files.readAllLines(data.resolve("demo-audio/plan.txt"));
      assertThat(plan).hasSize((int) planned);
      long track = Long.parseLong(plan.get(0));
      String json = get(port(stave), "/v3.0/tracks/?client_id=" + clientId + "&id=" + track);
      String audio = field(json, "audio");
      assertThat(audio).as(json).startsWith("http://127.0.0.1:");
      assertThat(json).contains("\"waveform\":\"{\\\"peaks\\\":[");
      HttpResponse<byte[]> mp3 =
          http.send(
              HttpRequest.newBuilder(URI.create(audio)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(mp3.statusCode()).isEqualTo(200);
      assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
      // 20-40 s at 128 kbps
      assertThat(mp3.body().length).isBetween(300_000, 700_000);
      stave.stop(Duration.ofSeconds(30));
    }
    try (StaveProcess stave = serve(env, data)) {
      String done =
          stave.awaitLine(
              l -> l.contains("demo audio: " + planned + " of " + planned + " tracks playable"),
              Duration.ofSeconds(240));
      assertThat(done).isNotNull();
      // Made from the features: the analysis queue was not handed the demo files.
      assertThat(stave.output()).doesNotContain("analysis queue:");
      stave.stop(Duration.ofSeconds(30));
    }
    try (Stream<Path> files = Files.list(data.resolve("demo-audio"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names.stream().filter(n -> n.endsWith(".mp3"))).hasSize((int) planned);
      assertThat(names.stream().filter(n -> n.startsWith("."))).isEmpty();
    }
  }

  private StaveProcess serve(Map<String, String> env, Path data) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return StaveProcess.start(
        work, env, "serve", "--port", String.valueOf(port), "--data", data.toString());
  }

  private static String clientId(StaveProcess stave) throws InterruptedException {
    String line = stave.awaitLine(l -> l.contains("client id"), Duration.ofSeconds(90));
    Matcher m = Pattern.compile("client id\\s+:\\s+([0-9a-f]{32})").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return m.group(1);
  }

  private static int port(StaveProcess stave) {
    Matcher m = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)").matcher(stave.output());
    assertThat(m.find()).as(stave.output()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private String get(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1).replace("\\/", "/") : "";
  }
}
