package dev.stave.jamendo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Jamendo methods of a test server the way a client does: GET requests that never follow
 * redirects, and JSON parsing of the answers.
 */
final class JamendoHttp {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final int port;

  JamendoHttp(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The body of {@code GET /v3.0/<path>?client_id=…<query>}; {@code path} as the client writes it
   * (e.g. {@code albums/tracks/} with the trailing slash, or without), {@code query} starting with
   * {@code &} or empty.
   */
  String get(String path, String clientId, String query) throws IOException, InterruptedException {
    return get("/v3.0/" + path + "?client_id=" + clientId + query).body();
  }

  /** The JSON answer of {@code GET /v3.0/<method>/?client_id=…<query>} (HTTP 200 asserted). */
  JsonNode method(String method, String clientId, String query) throws Exception {
    return json(methodPath(method, clientId, query));
  }

  /** The path and query of a call to {@code method} with the trailing slash clients send. */
  static String methodPath(String method, String clientId, String query) {
    return "/v3.0/" + method + "/?client_id=" + clientId + query;
  }

  JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + " for " + pathAndQuery + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  /**
   * {@code url} without its signature, after checking it carries one: audio and zip URLs are signed
   * and expiring ({@code ?exp=…&sig=…}), so tests compare what they point at.
   */
  static String unsigned(String url) {
    if (!url.matches(".*\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}")) {
      throw new AssertionError("not a signed URL: " + url);
    }
    return url.substring(0, url.indexOf('?'));
  }

  /** The headers of the envelope answered to {@code pathAndQuery}. */
  JsonNode headers(String pathAndQuery) throws Exception {
    return json(pathAndQuery).get("headers");
  }

  /** The error message of the envelope answered to {@code pathAndQuery}. */
  String errorMessage(String pathAndQuery) throws Exception {
    return headers(pathAndQuery).get("error_message").asString();
  }
}
