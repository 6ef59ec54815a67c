package dev.stave.jamendo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls a Jamendo method of a test server the way a client does: a GET with a client id. */
final class JamendoHttp {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  JamendoHttp(int port) {
    this.port = port;
  }

  /**
   * The body of {@code GET /v3.0/<path>?client_id=…<query>}; {@code path} as the client writes it
   * (e.g. {@code albums/tracks/} with the trailing slash, or without), {@code query} starting with
   * {@code &} or empty.
   */
  String get(String path, String clientId, String query) throws IOException, InterruptedException {
    URI uri =
        URI.create("http://127.0.0.1:" + port + "/v3.0/" + path + "?client_id=" + clientId + query);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
