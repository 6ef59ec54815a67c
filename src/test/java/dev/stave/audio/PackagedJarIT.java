package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path on a machine without ffmpeg: {@code java -jar target/stave.jar scan DIR},
 * with no ffmpeg on {@code PATH} and an empty per-user cache, extracts the ffmpeg build from the
 * {@code org.bytedeco:ffmpeg} jar nested in the Spring Boot jar ({@code BOOT-INF/lib}) and uses it
 * to probe, hash and draw the waveforms of every file. Runs in {@code verify}, after {@code
 * package} built the jar (maven-failsafe-plugin).
 */
class PackagedJarIT {
  @TempDir Path tmp;

  @Test
  void theJarScansWithTheFfmpegItCarries() throws Exception {
    Path jar = Path.of("target", "stave.jar").toAbsolutePath();
    assertThat(jar).as("built by the package phase").isRegularFile();
    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Album/01 One.flac"),
        TestAudio.tone(1, 440),
        Map.of("title", "One", "artist", "Ana", "album", "Album"),
        null);
    TestAudio.write(
        music.resolve("Ana/Album/02 Two.mp3"),
        TestAudio.tone(1, 660),
        Map.of("title", "Two"),
        null);

    Path cache = tmp.resolve("cache");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString(),
                "scan",
                music.toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--no-progress")
            .redirectErrorStream(true);
    pb.environment().put("PATH", pathWithoutFfmpeg());
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .containsPattern("added\\s+2\\n")
        .containsPattern("waveforms\\s+2\\n")
        .containsPattern("unreadable\\s+0\\n");
    Path extracted;
    try (Stream<Path> dirs = Files.list(cache.resolve("stave/ffmpeg"))) {
      extracted = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(extracted.getFileName().toString()).startsWith("ffmpeg-").endsWith("-gpl");
    assertThat(extracted.resolve(".complete")).exists();
    assertThat(extracted.resolve("ffprobe")).isExecutable();
  }

  /** The PATH of this JVM without the folders that hold an ffmpeg or ffprobe. */
  private static String pathWithoutFfmpeg() {
    List<String> dirs =
        Arrays.stream(
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
            .filter(
                d ->
                    !d.isBlank()
                        && !Files.exists(Path.of(d, "ffmpeg"))
                        && !Files.exists(Path.of(d, "ffprobe")))
            .toList();
    return dirs.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
