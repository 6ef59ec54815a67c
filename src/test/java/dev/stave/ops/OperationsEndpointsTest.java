package dev.stave.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveWebTest;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's view of a running server: health and Prometheus metrics over HTTP, and a
 * keep-alive connection (a load balancer's) that stays open well past Tomcat's default of 100
 * requests.
 */
// Shares the plain @StaveWebTest server (see StaveWebTest): reads only.
@StaveWebTest
class OperationsEndpointsTest {
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsUpWithLivenessAndReadinessGroups() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusScrapeShowsJvmAndHttpMetrics() throws Exception {
    get("/actuator/health"); // at least one request so http_server_requests exists
    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("http_server_requests_seconds_count")
        .contains("hikaricp_connections");
  }

  @Test
  void aKeepAliveConnectionServesMoreThanAHundredRequests() throws Exception {
    int requests = 250;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      // Pipelined (all sent, then all read): the same count on the connection as one by one,
      // without a round trip each. Tomcat's default closes the connection after the 100th.
      String request =
          "GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.repeat(requests).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = 1; i <= requests; i++) {
        Map<String, String> head = readResponse(in);
        assertThat(head.get(":status")).as("request %d", i).isEqualTo("200");
        assertThat(head.get("connection")).as("request %d", i).isNotEqualToIgnoringCase("close");
      }
    }
  }

  /** One response on a kept-alive connection: its status and headers (names lower-cased). */
  private static Map<String, String> readResponse(InputStream in) throws IOException {
    Map<String, String> head = new HashMap<>();
    String status = line(in);
    head.put(":status", status.split(" ")[1]);
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      head.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    if (head.containsKey("content-length")) {
      in.readNBytes(Integer.parseInt(head.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(head.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in), 16); size > 0; ) {
        in.readNBytes(size + 2); // the chunk and its CRLF
        size = Integer.parseInt(line(in), 16);
      }
      line(in); // the CRLF after the last chunk
    }
    return head;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  @Test
  void unknownPathsAnswerWithoutAStackTrace() throws Exception {
    HttpResponse<String> missing = get("/no/such/thing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at dev.stave");
  }
}
