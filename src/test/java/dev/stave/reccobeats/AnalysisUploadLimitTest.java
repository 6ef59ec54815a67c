package dev.stave.reccobeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.analysis.Synth;
import dev.stave.testsupport.FrozenClock;
import dev.stave.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The upload for analysis has a per-address limit of its own, tighter than the general one ({@code
 * stave.limits.ip.analysis-per-minute}, here 2): the third upload in a minute from one address is
 * answered 429 with Retry-After and code 4291, while that address's other calls and other
 * addresses' uploads go on. The limiter's clock stands still unless the test moves it.
 */
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.forward-headers-strategy=native",
      "stave.limits.ip.analysis-per-minute=2",
      "stave.analysis.worker.threads=0"
    })
@Import(FrozenClock.class)
class AnalysisUploadLimitTest {
  private static final String PATH = "/v1/analysis/audio-features";

  @TempDir static Path dataDir;
  static byte[] wav;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @BeforeAll
  static void clip() throws Exception {
    wav = Files.readAllBytes(Synth.wav(dataDir.resolve("clip.wav"), Synth.song(0, 1, 120, 4, 1)));
  }

  private HttpJson.Response upload(String from) throws Exception {
    HttpJson http = new HttpJson(port);
    return http.send(
        http.multipart(PATH, "audioFile", "clip.wav", "audio/wav", wav)
            .header("X-Forwarded-For", from));
  }

  @Test
  void uploadsHaveATighterLimitPerAddress() throws Exception {
    String caller = "203.0.113.7";
    assertThat(upload(caller).status()).isEqualTo(200);
    assertThat(upload(caller).status()).isEqualTo(200);

    HttpJson.Response refused = upload(caller);
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().get("status").asInt()).isEqualTo(4291);
    assertThat(refused.json().get("error").asString()).startsWith("Too many request, retry after");

    // Only uploads are held back: the same caller's lookups, and other callers' uploads, go on.
    HttpJson.Response lookup =
        new HttpJson(port).get("/v1/audio-features?ids=none", "X-Forwarded-For", caller);
    assertThat(lookup.status()).as(lookup.body()).isNotEqualTo(429);
    assertThat(upload("203.0.113.8").status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(61));
    assertThat(upload(caller).status()).isEqualTo(200);
  }
}
