package dev.stave.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.StaveProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the round-trip tests compare: the answers of a real {@code stave serve} on a data directory
 * to a list of reads, with what differs between two servers by design taken out (their address,
 * audio URL signatures, the client id each test registers).
 */
final class ServerReads {
  private static final Pattern SERVING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private ServerReads() {}

  /** {@code stave ARGS…} in-process; fails the test with its output unless it exits 0. */
  static CommandRun stave(String... args) {
    CommandRun r = CommandRun.of(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  /**
   * Registers an app on {@code data}, starts a server on it and returns the normalised body of each
   * read ({@code CID} in a read is the app's client id). Every read must answer 200, and a Jamendo
   * read code 0, so that two identical errors never pass for the same answer.
   */
  static List<String> answers(Path work, Path data, List<String> reads) throws Exception {
    return answers(work, data, reads, server -> {});
  }

  /** A running server of {@link #answers}, for checks beyond comparing bodies. */
  record Server(String base, String clientId, HttpClient http) {
    /** GET of {@code pathOrUrl} (a path gets the base; {@code CID} is the client id). */
    HttpResponse<byte[]> get(String pathOrUrl) throws Exception {
      String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
      return http.send(
          HttpRequest.newBuilder(URI.create(url.replace("CID", clientId))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String path) throws Exception {
      HttpResponse<byte[]> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      return JsonMapper.builder().build().readTree(r.body());
    }
  }

  /** Checks made on a server while it runs. */
  interface WhileServing {
    void check(Server server) throws Exception;
  }

  /** As {@link #answers(Path, Path, List)}, then {@code checks} on the same server. */
  static List<String> answers(Path work, Path data, List<String> reads, WhileServing checks)
      throws Exception {
    CommandRun app = stave("apps", "create", "Round trip", "--data", data.toString());
    Matcher id = Pattern.compile("Client id: ([0-9a-f]{32})").matcher(app.out());
    assertThat(id.find()).as(app.out()).isTrue();
    String clientId = id.group(1);
    List<String> out = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    // No background analysis: it would change the features of linked tracks while being read.
    try (StaveProcess server =
        StaveProcess.start(
            work,
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--stave.analysis.worker.threads=0")) {
      Matcher m =
          SERVING.matcher(
              server.awaitLine(
                  l -> l.contains("Stave is serving") && SERVING.matcher(l).find(),
                  Duration.ofMinutes(2)));
      assertThat(m.find()).isTrue();
      String base = m.group(1);
      for (String read : reads) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + read.replace("CID", clientId))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(read + ": " + r.body()).isEqualTo(200);
        if (read.startsWith("/v3.0/")) {
          assertThat(r.body()).as(read).contains("\"code\":0");
        }
        out.add(
            r.body()
                .replace(base, "BASE")
                .replace(base.replace("/", "\\/"), "BASE")
                .replace(clientId, "CID")
                .replaceAll("exp=\\d+&sig=[A-Za-z0-9_-]+", "SIGNED"));
      }
      checks.check(new Server(base, clientId, http));
      server.stop(Duration.ofSeconds(30));
    }
    return out;
  }

  /** Asserts that both servers answered each read the same. */
  static void assertSame(List<String> reads, List<String> expected, List<String> actual) {
    for (int i = 0; i < reads.size(); i++) {
      assertThat(actual.get(i)).as(reads.get(i)).isEqualTo(expected.get(i));
    }
  }
}
