package dev.stave.reccobeats.api;

import static dev.stave.testsupport.Refusals.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.RawHttp;
import dev.stave.testsupport.Refusals;
import dev.stave.testsupport.StaveWebTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, defect 6: every request under {@code /v1} that no endpoint answers, or that the web
 * server or Spring refuses before any endpoint runs, gets the ReccoBeats envelope A (spec §5.1:
 * {@code path} is {@code uri=...}, {@code status} the dialect's 4-digit code), never Spring's error
 * document (whose {@code status} is the HTTP status and {@code path} the bare path).
 */
@StaveWebTest
class ReccoBeatsErrorDocumentsTest {
  @LocalServerPort int port;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<Arguments> requests() {
    return Stream.of(
        // Not a ReccoBeats endpoint: 4042.
        wire("GET /v1 HTTP/1.1", "", 4042),
        wire("GET /v1/ HTTP/1.1", "", 4042),
        wire("GET /v1/track/a/b/c/d HTTP/1.1", "", 4042),
        // Refused by the web server before Spring sees it.
        wire("GET /v1/track%zz HTTP/1.1", "", -1),
        wire("GET /v1/track?ids=%zz HTTP/1.1", "", -1),
        wire("GET /v1/track HTTP/1.1\r\nX-Big: " + "a".repeat(70_000), "", -1),
        wire("TRACE /v1/track HTTP/1.1", "", -1),
        wire("BREW /v1/track HTTP/1.1", "", -1),
        // Refused by Spring MVC before the endpoint runs.
        wire("GET /v1/track?ids=x HTTP/1.1\r\nAccept: image/png", "", -1),
        // A cross-origin request with a method no endpoint takes: the 405, not a CORS refusal.
        wire("PUT /v1/track?ids=1 HTTP/1.1\r\nOrigin: https://app.example", "", -1),
        wire(
            "POST /v1/analysis/audio-features HTTP/1.1\r\nContent-Type: multipart/form-data;"
                + " boundary=xyz\r\nContent-Length: 11",
            "not a form!",
            -1),
        wire(
            "POST /v1/analysis/audio-features HTTP/1.1\r\nContent-Type: multipart/form-data\r\n"
                + "Content-Length: 11",
            "not a form!",
            -1),
        // A PUT with a malformed form body (was a 500 from Spring's form filter): the 405.
        wire(
            "PUT /v1/track HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 5",
            "ids=%",
            4002),
        Refusals.oversizedForm("/v1/track"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void answersEnvelopeA(RawHttp.Request request, int expectedCode) throws Exception {
    RawHttp.Response r = Refusals.send(port, request);

    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("path").asString()).as(r.body()).startsWith("uri=/v1");
    int code = body.path("status").asInt();
    if (expectedCode >= 0) {
      assertThat(code).isEqualTo(expectedCode);
    } else {
      assertThat(code).as(r.body()).isBetween(4000, 4999);
    }
    assertThat(r.status()).isBetween(400, 499);
  }
}
