package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's first command: {@code stave serve} on an empty data directory. */
class ServeCommandTest {
  @TempDir Path work;

  @Test
  void freshServerSeedsAndPrintsAClientIdThatWorksThenShutsDownGracefully() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = work.resolve("data");
    try (StaveProcess stave =
        StaveProcess.start(
            work, "serve", "--port", String.valueOf(port), "--data", data.toString())) {
      String line = stave.awaitLine(l -> l.contains("client id"), Duration.ofSeconds(60));
      Matcher m = Pattern.compile("client id\\s+:\\s+([0-9a-f]{32})").matcher(line);
      assertThat(m.find()).as(line).isTrue();
      String clientId = m.group(1);
      assertThat(stave.output())
          .contains("seeded a demo catalog of 2,000 tracks")
          .contains("Stave is serving 2000 tracks")
          .contains("import data");

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> radios =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/v3.0/radios/?client_id=" + clientId))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(radios.body()).contains("\"code\":0").contains("\"name\":\"rock\"");

      // the seeded demo catalog is searchable at once, and links use the address the client used
      HttpResponse<String> albums =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/v3.0/albums/?limit=1&client_id="
                              + clientId))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(albums.body())
          .contains("\"results_count\":1")
          .contains("\"image\":\"http:\\/\\/127.0.0.1:" + port + "\\/images\\/album\\/");

      int exit = stave.stop(Duration.ofSeconds(30));
      assertThat(exit).isIn(0, 143);
      assertThat(stave.output()).contains("Graceful shutdown complete");
    }
  }
}
