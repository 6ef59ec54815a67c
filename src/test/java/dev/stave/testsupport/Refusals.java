package dev.stave.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared by the dialects' error-document tests (issue 12, defect 6): requests written on the wire
 * with the dialect code expected for them, and the checks every refusal shares, whatever the
 * dialect: below 500, none of the server's insides, never Spring's Whitelabel page.
 */
public final class Refusals {
  private Refusals() {}

  /** One parameterized case: the request and the expected code (-1: any of the dialect's). */
  public static Arguments wire(String head, String body, int code) {
    return Arguments.of(new RawHttp.Request(head, body), code);
  }

  /** A POST of a 3 MB form, over Tomcat's 2 MB {@code maxPostSize}. */
  public static Arguments oversizedForm(String path) {
    return wire(
        "POST "
            + path
            + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 3000000",
        "a=" + "b".repeat(2_999_998),
        -1);
  }

  /** Sends {@code request} and checks what every refusal shares; returns the answer. */
  public static RawHttp.Response send(int port, RawHttp.Request request) throws IOException {
    RawHttp.Response r = new RawHttp(port).send(request);
    assertThat(r.status()).as(r.body()).isLessThan(500);
    assertThat(r.body()).doesNotContain("Whitelabel", "java.", "org.springframework", "Exception");
    return r;
  }
}
