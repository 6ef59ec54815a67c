package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.ChildJvm;
import dev.stave.testsupport.RequiredTool;
import dev.stave.testsupport.StaveProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's end-to-end OAuth2 example ("Apps, users and OAuth2"), taken from README.md and run
 * with bash and curl against a fresh {@code stave serve}, so that the example cannot drift from the
 * server. Two things differ from a reader's run, and only these: the server's address (a free port
 * instead of 8080), and the line where the reader pastes the client id and secret that {@code apps
 * create} printed, which the test fills in from that output. {@code ./stave} is the CLI on the test
 * classpath. Afterwards the server's log must hold none of the flow's secrets.
 */
class ReadmeOAuthExampleTest {
  private static final Pattern SERVING = Pattern.compile("Stave is serving .* at http://(\\S+)");
  private static final String PASTE = "CID=3f…; SECRET=Xq…;";

  @TempDir Path work;

  /** The example's shell block: the first {@code ```sh} fence after its introduction. */
  static String example() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int intro = readme.indexOf("End to end, with a server on `127.0.0.1:8080`");
    assertThat(intro).as("the example's introduction in README.md").isNotNegative();
    int start = readme.indexOf("```sh\n", intro) + "```sh\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void theExampleRunsAsWritten() throws Exception {
    RequiredTool.require(
        onPath("curl") ? null : "curl is not installed (apt-get install curl): the README example");
    String example = example();
    int paste = example.indexOf(PASTE);
    assertThat(paste).as("the line where the reader pastes the app's credentials").isPositive();
    String setUp = example.substring(0, example.lastIndexOf('\n', paste) + 1);
    String flow = example.substring(example.lastIndexOf('\n', paste) + 1);

    Path data = work.resolve("data");
    shim();
    try (StaveProcess server =
        StaveProcess.start(work, "serve", "--port", "0", "--data", data.toString())) {
      Matcher serving = SERVING.matcher(server.awaitLine(l -> SERVING.matcher(l).find(), MINUTES));
      assertThat(serving.find()).isTrue();
      String address = serving.group(1);

      String created = bash(setUp, data);
      String clientId = group(created, "Client id: ([0-9a-f]{32})");
      String secret = group(created, "Client secret: (\\S+)");
      assertThat(created).contains("Created user 'ana'");

      String out =
          bash(
              flow.replace(PASTE, "CID=" + clientId + "; SECRET=" + secret + ";")
                  .replace("127.0.0.1:8080", address),
              data);
      String back = group(out, "(http://localhost:1410/\\?code=\\S+)");
      assertThat(back).endsWith("&state=xyz");
      String code = group(back, "code=([^&]+)");
      String token = group(out, "\"access_token\":\"([^\"]+)\"");
      String refresh = group(out, "\"refresh_token\":\"([^\"]+)\"");
      assertThat(out)
          .contains("\"expires_in\":7200,\"token_type\":\"bearer\",\"scope\":\"music\"")
          .contains("{\"headers\":{\"status\":\"success\",\"code\":0,")
          .contains("\"name\":\"ana\"")
          .contains("\"relations\":{\"review\":\"0\",\"favorite\":\"1\",\"like\":\"0\"");
      // the refresh at the end answers a second, different pair of tokens
      Matcher tokens = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(out);
      assertThat(tokens.results().map(m -> m.group(1)).distinct().count()).isEqualTo(2);
      Matcher refreshes = Pattern.compile("\"refresh_token\":\"([^\"]+)\"").matcher(out);
      List<String> refreshTokens = refreshes.results().map(m -> m.group(1)).toList();
      assertThat(refreshTokens).hasSize(2).doesNotHaveDuplicates();

      // the server log holds no credential of the flow: secret, password, code, tokens
      String log = server.output();
      List<String> credentials = new ArrayList<>(refreshTokens);
      credentials.addAll(List.of(secret, "correct horse battery", code, token, refresh));
      assertThat(credentials).allSatisfy(c -> assertThat(log).doesNotContain(c));
      assertThat(server.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }
  }

  private static final Duration MINUTES = Duration.ofMinutes(3);

  /** {@code ./stave} in the working directory: the CLI of the test classpath on this data dir. */
  private void shim() throws IOException {
    String command =
        ChildJvm.staveCommand().stream()
            .map(a -> "'" + a + "'")
            .collect(java.util.stream.Collectors.joining(" "));
    String script = "#!/usr/bin/env bash\nexec " + command + " \"$@\"\n";
    Path stave = work.resolve("stave");
    Files.writeString(stave, script);
    Files.setPosixFilePermissions(stave, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * Runs a script in the working directory, stopping at the first failing command, with the
   * server's data directory as the CLI's default ({@code STAVE_DATA_DIR}).
   */
  private String bash(String script, Path data) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-e", "-c", script)
            .directory(work.toFile())
            .redirectErrorStream(true);
    pb.environment().put("STAVE_DATA_DIR", data.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(out).isTrue();
    assertThat(p.exitValue()).as(script + "\n---\n" + out).isZero();
    return out;
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("/%s/ in:%n%s", regex, text).isTrue();
    return m.group(1);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
