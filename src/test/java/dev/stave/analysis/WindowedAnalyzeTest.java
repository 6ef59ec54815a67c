package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave analyze} analyses a window by default and the whole track on request, through the
 * CLI on a scanned library: the window is 30 s from the middle (a track whose start and end are
 * noise and whose middle is a 120 BPM band in G major reads as the band; a track shorter than the
 * window is analysed whole), each track's record says which it was, {@code --whole-track}
 * re-analyses exactly the windowed tracks, an interrupted whole-track run resumes where it stopped,
 * and the default run then leaves whole-track analyses alone.
 */
class WindowedAnalyzeTest {
  @TempDir Path tmp;

  private Map<String, List<Object>> records(Path data) throws Exception {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT t.name, a.mode, a.excerpt, t.tempo, t.musical_key, t.mode"
                        + " FROM tracks t LEFT JOIN track_analysis a ON a.track_id = t.id"
                        + " ORDER BY t.name")) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            java.util.Arrays.asList(
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4),
                rs.getObject(5),
                rs.getObject(6)));
      }
    }
    return out;
  }

  private static long number(CliRun run, String label) {
    for (String line : run.out().lines().toList()) {
      if (line.startsWith(label)) {
        return Long.parseLong(line.substring(label.length()).strip().replace(",", ""));
      }
    }
    throw new AssertionError("no '" + label + "' in:\n" + run.out() + run.err());
  }

  private void mp3(Path wav, Path out, String title) {
    try {
      Files.createDirectories(out.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TestAudio.ffmpeg()
        .run(
            List.of(
                "-i",
                "file:" + wav,
                "-c:a",
                "libmp3lame",
                "-metadata",
                "title=" + title,
                "-metadata",
                "artist=Band",
                "-metadata",
                "album=Windows",
                "file:" + out));
  }

  private static CliRun analyze(Path data, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", data.toString()));
    args.add("--no-progress");
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    return run;
  }

  @Test
  void analysesTheMiddleByDefaultAndTheWholeTrackOnRequest() throws Exception {
    Path music = tmp.resolve("music");
    Path data = tmp.resolve("data");
    // 40 s of noise, 40 s of the band, 40 s of noise: only the middle 30 s are all band.
    float[] noise = Synth.whiteNoise(40, 0.3, 5);
    float[] band = Synth.song(7, 1, 120, 40, 3);
    float[] sandwich = new float[noise.length * 2 + band.length];
    System.arraycopy(noise, 0, sandwich, 0, noise.length);
    System.arraycopy(band, 0, sandwich, noise.length, band.length);
    System.arraycopy(noise, 0, sandwich, noise.length + band.length, noise.length);
    mp3(Synth.wav(tmp.resolve("sandwich.wav"), sandwich), music.resolve("a.mp3"), "Sandwich");
    float[] longBand = Synth.song(2, 0, 96, 75, 9);
    for (int i = 1; i <= 2; i++) {
      mp3(
          Synth.wav(tmp.resolve("band.wav"), longBand),
          music.resolve("b" + i + ".mp3"),
          "Band " + i);
    }
    mp3(
        Synth.wav(tmp.resolve("short.wav"), Synth.song(0, 1, 100, 20, 4)),
        music.resolve("c.mp3"),
        "Short");
    CliRun scan = CliRun.of("scan", music.toString(), "--data", data.toString(), "--no-progress");
    assertThat(scan.exitCode()).as(scan.out() + scan.err()).isZero();

    CliRun first = analyze(data);
    assertThat(first.exitCode()).isZero();
    assertThat(number(first, "analysed")).isEqualTo(4);
    assertThat(first.out()).contains("30 s from the middle");
    Map<String, List<Object>> r = records(data);
    List<Object> sandwichRow = r.get("Sandwich");
    assertThat(sandwichRow.get(0)).isEqualTo("window");
    assertThat(sandwichRow.get(1)).isEqualTo("45.0+30.0"); // (120 s − 30 s) / 2
    // The band in the middle, not the noise around it: the decode was the window.
    assertThat(((Number) sandwichRow.get(2)).doubleValue()).isCloseTo(120, within(2.4));
    assertThat(sandwichRow.get(3)).isEqualTo(7); // G
    assertThat(sandwichRow.get(4)).isEqualTo(1); // major
    assertThat(r.get("Band 1").get(0)).isEqualTo("window");
    assertThat(r.get("Short").subList(0, 2)).containsExactly("whole", "0.0+30.0");

    // Whole-track mode, interrupted after one track: that one is whole now, the rest windowed.
    CliRun interrupted =
        analyze(data, "--whole-track", "--batch-size", "1", "--stop-after-batches", "1");
    assertThat(interrupted.exitCode()).isEqualTo(3);
    assertThat(number(interrupted, "tracks with audio to analyse")).isEqualTo(3);
    assertThat(number(interrupted, "analysed")).isEqualTo(1);
    r = records(data);
    assertThat(r.values().stream().filter(v -> "whole".equals(v.get(0))).count()).isEqualTo(2);
    CliRun rest = analyze(data, "--whole-track");
    assertThat(rest.exitCode()).isZero();
    assertThat(number(rest, "tracks with audio to analyse")).isEqualTo(2);
    assertThat(number(rest, "analysed")).isEqualTo(2);
    assertThat(rest.out()).contains("whole tracks");
    r = records(data);
    assertThat(r.values()).allSatisfy(v -> assertThat(v.get(0)).isEqualTo("whole"));
    assertThat(r.get("Sandwich").get(1)).isEqualTo("0.0+600.0");

    assertThat(number(analyze(data, "--whole-track"), "analysed")).isZero();
    // The default mode does not replace whole-track analyses by windows.
    assertThat(number(analyze(data), "analysed")).isZero();
    // --seconds and --whole-track exclude each other.
    CliRun both =
        CliRun.of("analyze", "--data", data.toString(), "--whole-track", "--seconds", "10");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--whole-track");
  }
}
