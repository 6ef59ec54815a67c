package dev.stave.audio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A running server with its own data directory, for tests of the audio endpoints over HTTP. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AudioHttpTest {
  @TempDir static Path tmp;

  @DynamicPropertySource
  static void dirs(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> tmp.resolve("data").toString());
  }

  @LocalServerPort int port;
  @Autowired LibraryScanner scanner;
  @Autowired AudioFileStore files;
  @Autowired UrlSigner signer;

  final HttpClient http = HttpClient.newHttpClient();

  /** {@code path} with a valid signature. */
  String signed(String path) {
    return path + "?" + signer.query(path);
  }

  HttpResponse<byte[]> send(String method, String pathAndQuery, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws Exception {
    return send("GET", pathAndQuery, headers);
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }
}
