package dev.stave.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.Players;
import dev.stave.audio.TestAudio;
import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.FreePorts;
import dev.stave.testsupport.RequiredTool;
import dev.stave.testsupport.StaveProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outside check of the Subsonic dialect: the npm package {@code subsonic-api} (3.x, a maintained
 * Subsonic/OpenSubsonic client) runs a listener's session ({@code src/test/js/subsonic-client/
 * scenario.mjs}) against a real {@code stave serve} process over a scanned folder, with the
 * credentials an operator makes with {@code stave users subsonic-password} and {@code
 * subsonic-api-key}: it logs in with salted tokens (GET and form POST) and the API key, browses
 * artists to album to songs, searches, stars, builds a playlist, streams a song and decodes it to
 * the end with ffmpeg, seeks with Range, fetches cover art at a size and scrobbles.
 *
 * <p>Needs node and npm (skipped locally without them, failed under CI); {@code npm ci} installs
 * the client pinned by the lock file.
 */
class SubsonicClientTest {
  private static final Path CLIENT = Path.of("src/test/js/subsonic-client").toAbsolutePath();

  @TempDir Path work;

  @Test
  void aSubsonicClientLogsInBrowsesSearchesStarsAndPlays() throws Exception {
    RequiredTool.require(
        !onPath("node") || !onPath("npm")
            ? "node and npm are not installed (apt-get install nodejs npm)"
            : null);
    Path music = work.resolve("music");
    TestAudio.write(
        music.resolve("Ana/First Album/01 One.flac"),
        TestAudio.tone(3, 440),
        Map.of("title", "One", "artist", "Ana", "album", "First Album", "track", "1"),
        TestAudio.cover(work.resolve("cover.png"), "blue"));
    TestAudio.write(
        music.resolve("Ana/First Album/02 Two.mp3"),
        TestAudio.tone(3, 330),
        Map.of("title", "Two", "artist", "Ana", "album", "First Album", "track", "2"),
        null);
    TestAudio.write(
        music.resolve("Bo/Second/01 Three.ogg"),
        TestAudio.tone(3, 550),
        Map.of("title", "Three", "artist", "Bo", "album", "Second"),
        null);
    String data = work.resolve("data").toString();
    assertOk(CommandRun.of("scan", music.toString(), "--data", data, "--no-progress"));
    assertOk(
        CommandRun.of(
            "users",
            "create",
            "listener",
            "listener@example.org",
            "--password=login-password-1",
            "--data",
            data));
    String password =
        secret(CommandRun.of("users", "subsonic-password", "listener", "--data", data), "password");
    String apiKey =
        secret(CommandRun.of("users", "subsonic-api-key", "listener", "--data", data), "key");

    npm("ci", "--no-audit", "--no-fund");
    int port = FreePorts.find();
    try (StaveProcess serve =
        StaveProcess.start(work, "serve", "--port", "" + port, "--data", data)) {
      serve.awaitLine(l -> l.contains("client id"), Duration.ofMinutes(2));
      ProcessBuilder node =
          new ProcessBuilder().directory(CLIENT.toFile()).redirectErrorStream(true);
      Path ffmpeg = Players.ffmpegFor(node);
      node.command(
          "node",
          "scenario.mjs",
          "http://127.0.0.1:" + port,
          "listener",
          password,
          apiKey,
          ffmpeg.toString(),
          work.toString());
      String output = run(node);
      assertThat(output).contains("SCENARIO PASSED").doesNotContain("FAILED");
      serve.stop(Duration.ofSeconds(30));
    }
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
  }

  private static void assertOk(CommandRun run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }

  /** The secret a credential command printed ("... of listener: SECRET"). */
  private static String secret(CommandRun run, String what) {
    assertOk(run);
    Matcher m = Pattern.compile(": (\\S+)\\n").matcher(run.out());
    assertThat(m.find()).as(what + " in " + run.out()).isTrue();
    return m.group(1);
  }

  private static void npm(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("npm"));
    cmd.addAll(List.of(args));
    run(new ProcessBuilder(cmd).directory(CLIENT.toFile()).redirectErrorStream(true));
  }

  /** Runs a process to its end and returns its output; fails on a non-zero exit. */
  private static String run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", pb.command()) + ":\n" + output).isZero();
    return output;
  }
}
