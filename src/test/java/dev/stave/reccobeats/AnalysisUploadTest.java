package dev.stave.reccobeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.analysis.Synth;
import dev.stave.audio.TestAudio;
import dev.stave.testsupport.StaveWebTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/analysis/audio-features} (spec E8) over HTTP with clips ffmpeg makes during the
 * test: every accepted container, recognised from its bytes whatever its name and part type; the
 * nine fields with 4 decimals; the tempo of a click track; and every refusal in the dialect's
 * envelope — another file type, an undecodable file, a missing part, an over-size file, a body that
 * is not multipart.
 */
// Shares the plain @StaveWebTest server (see StaveWebTest): uploads are analysed, never stored.
@StaveWebTest
class AnalysisUploadTest {
  private static final String PATH = "/v1/analysis/audio-features";
  private static final List<String> NINE =
      List.of(
          "acousticness",
          "danceability",
          "energy",
          "instrumentalness",
          "liveness",
          "loudness",
          "speechiness",
          "tempo",
          "valence");

  @TempDir Path clips;
  @LocalServerPort int port;
  HttpJson http;

  /** Clicks at 120 BPM: a decaying 2 kHz burst every half second, 40 s (cut to 30). */
  private static final String CLICKS =
      "aevalsrc='0.8*sin(2*PI*2000*t)*exp(-mod(t\\,0.5)*250)':s=44100:d=40";

  @BeforeEach
  void client() {
    http = new HttpJson(port);
  }

  private HttpJson.Response upload(
      String partName, String fileName, String contentType, byte[] bytes) throws Exception {
    return http.send(http.multipart(PATH, partName, fileName, contentType, bytes));
  }

  private Path clip(String name) throws Exception {
    Path out = clips.resolve(name);
    if (name.endsWith(".aiff")) {
      TestAudio.ffmpeg().run(List.of("-f", "lavfi", "-i", CLICKS, "file:" + out));
      return out;
    }
    return TestAudio.write(out, CLICKS, Map.of(), null);
  }

  private static void assertFeatures(HttpJson.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> fields = new ArrayList<>();
    r.json().propertyNames().forEach(fields::add);
    assertThat(fields).containsExactlyElementsOf(NINE);
    for (String f : NINE) {
      JsonNode v = r.json().get(f);
      assertThat(v.isNumber()).as(f).isTrue();
      String text = v.asString();
      assertThat(text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0)
          .as(f + " = " + text)
          .isLessThanOrEqualTo(4);
      if (!f.equals("loudness") && !f.equals("tempo")) {
        assertThat(v.asDouble()).as(f).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void everyContainerFromItsBytesNineFieldsFourDecimals() throws Exception {
    for (String name : List.of("c.mp3", "c.ogg", "c.wav", "c.flac", "c.m4a", "c.aiff")) {
      HttpJson.Response r =
          upload("audioFile", name, "application/octet-stream", Files.readAllBytes(clip(name)));
      assertFeatures(r);
      assertThat(r.json().get("tempo").asDouble()).as(name).isCloseTo(120, within(2.4));
      assertThat(r.json().get("loudness").asDouble()).as(name).isBetween(-40.0, 0.0);
    }
  }

  @Test
  void theNameAndTypeOfThePartDoNotMatter() throws Exception {
    byte[] mp3 = Files.readAllBytes(clip("named.mp3"));
    assertFeatures(upload("audioFile", "dummy.wav", "application/binary", mp3));
    assertFeatures(upload("audioFile", "preview", "audio/mp4", mp3));
  }

  @Test
  void anExactlyFiveMegabyteFileIsTakenOneByteMoreIsRefused() throws Exception {
    int samples = (5 * 1024 * 1024 - 44) / 2;
    float[] x = Synth.drums(120, samples / (double) Synth.RATE, 1);
    Path wav = Synth.wav(clips.resolve("five.wav"), java.util.Arrays.copyOf(x, samples));
    byte[] bytes = Files.readAllBytes(wav);
    assertThat(bytes).hasSize(5 * 1024 * 1024);
    assertFeatures(upload("audioFile", "five.wav", "audio/wav", bytes));

    byte[] more = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    HttpJson.Response r = upload("audioFile", "more.wav", "audio/wav", more);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("status").asInt()).isEqualTo(4002);
    assertThat(r.json().get("error").asString()).contains("5 MB");
    assertThat(r.json().get("path").asString()).isEqualTo("uri=" + PATH);
  }

  @Test
  void otherAndUndecodableFilesAreUnsupported() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    byte[] text = "just some text, not audio at all".getBytes(StandardCharsets.UTF_8);
    byte[] fakeMp3 = Files.readAllBytes(clip("broken.mp3"));
    byte[] truncated = java.util.Arrays.copyOf(fakeMp3, 10); // an ID3 header and nothing else
    byte[] garbage = new byte[4096];
    new java.util.Random(1).nextBytes(garbage);
    System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 4);
    for (byte[] bytes : List.of(png, text, truncated, garbage, new byte[0])) {
      HttpJson.Response r = upload("audioFile", "clip.mp3", "audio/mpeg", bytes);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().get("status").asInt()).isEqualTo(4002);
      assertThat(r.json().get("error").asString()).isEqualTo("Unsupported file type");
      assertThat(r.json().get("path").asString()).isEqualTo("uri=" + PATH);
      assertThat(r.json().get("timestamp").asString()).isNotBlank();
    }
  }

  @Test
  void aMissingPartIs400AndABodyThatIsNotMultipartIs415() throws Exception {
    HttpJson.Response wrongName =
        upload("file", "c.mp3", "audio/mpeg", Files.readAllBytes(clip("part.mp3")));
    assertThat(wrongName.status()).isEqualTo(400);
    assertThat(wrongName.json().get("status").asInt()).isEqualTo(4002);
    assertThat(wrongName.json().get("error").asString()).contains("audioFile");

    HttpJson.Response json =
        http.send(
            HttpRequest.newBuilder(http.uri(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.json().get("error").asString())
        .isEqualTo("Content-Type 'application/json' is not supported.");
    HttpJson.Response none =
        http.send(HttpRequest.newBuilder(http.uri(PATH)).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(none.status()).isEqualTo(415);
    assertThat(none.json().get("error").asString())
        .isEqualTo("Content-Type 'null' is not supported.");
    HttpJson.Response get = http.get(PATH);
    assertThat(get.status()).isEqualTo(405);
  }
}
