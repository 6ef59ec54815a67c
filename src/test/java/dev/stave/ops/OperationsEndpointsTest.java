package dev.stave.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator's view of a running server: health and Prometheus metrics over HTTP. */
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
  void unknownPathsAnswerWithoutAStackTrace() throws Exception {
    HttpResponse<String> missing = get("/no/such/thing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at dev.stave");
  }
}
