package dev.stave.jamendo.api;

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
 * Issue 12, defect 6: every request under {@code /v3.0} that no Jamendo method answers, or that the
 * web server or Spring refuses before any method runs, gets the Jamendo envelope (spec §3.5), never
 * Spring's error document ({@code timestamp}, {@code status}, {@code path}) or a stack trace.
 */
@StaveWebTest
class JamendoErrorDocumentsTest {
  @LocalServerPort int port;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MULTIPART = "multipart/form-data; boundary=xyz";

  static Stream<Arguments> requests() {
    return Stream.of(
        // No method at all, or a path deeper than entity/subentity: code 7.
        wire("GET /v3.0 HTTP/1.1", "", 7),
        wire("GET /v3.0/ HTTP/1.1", "", 7),
        wire("GET /v3.0/tracks/file/extra HTTP/1.1", "", 7),
        wire("POST /v3.0 HTTP/1.1\r\nContent-Length: 0", "", 7),
        // Refused by the web server before Spring sees it.
        wire("GET /v3.0/tracks%zz HTTP/1.1", "", -1),
        wire("GET /v3.0/tracks?name=%zz HTTP/1.1", "", -1),
        wire("GET /v3.0/tracks HTTP/1.1\r\nX-Big: " + "a".repeat(70_000), "", -1),
        wire("TRACE /v3.0/tracks HTTP/1.1", "", -1),
        wire("BREW /v3.0/tracks HTTP/1.1", "", -1),
        // Refused by Spring MVC before the controller runs.
        wire("GET /v3.0/tracks HTTP/1.1\r\nAccept: image/png", "", -1),
        wire(
            "POST /v3.0/setuser/favorite HTTP/1.1\r\nContent-Type: "
                + MULTIPART
                + "\r\nContent-Length: 11",
            "not a form!",
            -1),
        // A PUT with a malformed form body (was a 500 from Spring's form filter): code 2.
        wire(
            "PUT /v3.0/setuser/favorite HTTP/1.1\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nContent-Length: 10",
            "track_id=%",
            2),
        // A multipart body without boundary: Spring cannot parse it (was a 500 with code 1).
        wire(
            "POST /v3.0/setuser/favorite HTTP/1.1\r\nContent-Type: multipart/form-data\r\n"
                + "Content-Length: 11",
            "not a form!",
            3),
        wire(
            "POST /v3.0/setuser/favorite HTTP/1.1\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nContent-Length: 9",
            "track=%zz",
            -1),
        Refusals.oversizedForm("/v3.0/setuser/favorite"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void answersTheJamendoEnvelope(RawHttp.Request request, int expectedCode) throws Exception {
    RawHttp.Response r = Refusals.send(port, request);

    assertThat(r.body()).doesNotContain("\"timestamp\"");
    JsonNode headers = JSON.readTree(r.body()).get("headers");
    assertThat(headers).as(r.body()).isNotNull();
    assertThat(headers.get("status").asString()).isEqualTo("failed");
    assertThat(headers.get("error_message").asString()).startsWith("Jamendo Api ");
    if (expectedCode >= 0) {
      assertThat(headers.get("code").asInt()).isEqualTo(expectedCode);
    } else {
      assertThat(headers.get("code").asInt()).isPositive();
    }
  }
}
