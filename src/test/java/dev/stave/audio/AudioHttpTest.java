package dev.stave.audio;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.ingest.scan.LibraryScanner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running server with its own data directory, for tests of the audio endpoints over HTTP. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AudioHttpTest {
  @TempDir static Path tmp;

  @DynamicPropertySource
  static void dirs(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> tmp.resolve("data").toString());
    // Scans here queue analysis; the server's background analysis is not what these tests test.
    registry.add("stave.analysis.worker.threads", () -> "0");
  }

  @LocalServerPort int port;
  @Autowired LibraryScanner scanner;
  @Autowired AudioFileStore files;
  @Autowired UrlSigner signer;

  @Autowired CatalogStore store;

  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  /** Scans {@code music} and returns the tracks of its files by name. */
  Map<String, Track> scanByName(Path music) {
    scanner.scan(List.of(music), LibraryScanner.Options.defaults());
    Map<String, Track> byName = new LinkedHashMap<>();
    for (AudioFile f : files.all().values()) {
      Track t = store.findTracks(List.of(f.trackId())).get(0);
      byName.put(t.name(), t);
    }
    return byName;
  }

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

  /** Jamendo's {@code tracks} result for one track, its audio URLs in {@code format}. */
  JsonNode jamendoTrack(String clientId, long trackId, AudioFormat format) throws Exception {
    String query =
        "client_id=%s&id=%d&audioformat=%s&audiodlformat=%s"
            .formatted(clientId, trackId, format.wireName(), format.wireName());
    return json.readTree(get("/v3.0/tracks/?" + query).body()).get("results").get(0);
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }
}
