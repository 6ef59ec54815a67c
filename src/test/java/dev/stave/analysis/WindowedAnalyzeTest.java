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
 * CLI on a scanned library: the window is three 10-s stretches at 25, 50 and 75 % (a track whose
 * first and last 20 s are noise around a 120 BPM band in G major reads as the band, which the first
 * 30 s would not; a track shorter than the window is analysed whole), each track's record says
 * which it was, {@code --whole-track} re-analyses exactly the windowed tracks, an interrupted
 * whole-track run resumes where it stopped, and the default run then leaves whole-track analyses
 * alone.
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

  private static final String[] FEATURES = {
    "tempo",
    "musical_key",
    "mode",
    "loudness",
    "danceability",
    "energy",
    "valence",
    "acousticness",
    "instrumentalness",
    "speechiness",
    "liveness"
  };

  /** Every track's stored features, by name, in the order of {@link #FEATURES}. */
  private Map<String, double[]> features(Path data) throws Exception {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT name, " + String.join(", ", FEATURES) + " FROM tracks")) {
      while (rs.next()) {
        double[] f = new double[FEATURES.length];
        for (int i = 0; i < f.length; i++) {
          f[i] = rs.getDouble(i + 2);
        }
        out.put(rs.getString(1), f);
      }
    }
    return out;
  }

  /**
   * The documented tolerance of a window against the whole track (docs/analysis.md, "Window against
   * whole track"): tempo within {@code tempo} (relative), the same key and mode, loudness within
   * {@code lu}, each ratio feature within {@code ratio}.
   */
  private static void assertClose(
      String what, double[] window, double[] whole, double tempo, double lu, double ratio) {
    assertThat(window[0]).as(what + " tempo").isCloseTo(whole[0], within(tempo * whole[0]));
    assertThat(window[1]).as(what + " key").isEqualTo(whole[1]);
    assertThat(window[2]).as(what + " mode").isEqualTo(whole[2]);
    assertThat(window[3]).as(what + " loudness").isCloseTo(whole[3], within(lu));
    for (int i = 4; i < FEATURES.length; i++) {
      assertThat(window[i]).as(what + " " + FEATURES[i]).isCloseTo(whole[i], within(ratio));
    }
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
  void analysesWindowsByDefaultAndTheWholeTrackOnRequest() throws Exception {
    Path music = tmp.resolve("music");
    Path data = tmp.resolve("data");
    // 20 s of noise, 80 s of the band, 20 s of noise: the windows (25–35, 55–65, 85–95 s) are band.
    float[] noise = Synth.whiteNoise(20, 0.3, 5);
    float[] band = Synth.song(7, 1, 120, 80, 3);
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
    // A real recording, when scripts/fetch-test-music.sh has fetched them.
    Path real = dev.stave.audio.RealMusicTest.folder().resolve("Awakening.ogg");
    boolean withReal = Files.isRegularFile(real);
    if (withReal) {
      Files.copy(real, music.resolve("Awakening.ogg"));
    } else {
      System.out.println(
          "WindowedAnalyzeTest: no real recording (run scripts/fetch-test-music.sh); generated only");
    }
    CliRun scan = CliRun.of("scan", music.toString(), "--data", data.toString(), "--no-progress");
    assertThat(scan.exitCode()).as(scan.out() + scan.err()).isZero();

    CliRun first = analyze(data);
    assertThat(first.exitCode()).isZero();
    int tracks = withReal ? 5 : 4;
    assertThat(AnalyzeCommandTest.number(first, "analysed")).isEqualTo(tracks);
    Map<String, double[]> windowed = features(data);
    assertThat(first.out()).contains("three 10-s windows at 25, 50 and 75 %");
    Map<String, List<Object>> r = records(data);
    List<Object> sandwichRow = r.get("Sandwich");
    assertThat(sandwichRow.get(0)).isEqualTo("window");
    assertThat(sandwichRow.get(1)).isEqualTo("25.0+10.0,55.0+10.0,85.0+10.0");
    // The band, not the noise at the start: the decode was the windows.
    assertThat(((Number) sandwichRow.get(2)).doubleValue()).isCloseTo(120, within(2.4));
    assertThat(sandwichRow.get(3)).isEqualTo(7); // G
    assertThat(sandwichRow.get(4)).isEqualTo(1); // major
    assertThat(r.get("Band 1").get(0)).isEqualTo("window");
    assertThat(r.get("Short").subList(0, 2)).containsExactly("whole", "0.0+30.0");

    // Whole-track mode, interrupted after one track: that one is whole now, the rest windowed.
    CliRun interrupted =
        analyze(data, "--whole-track", "--batch-size", "1", "--stop-after-batches", "1");
    assertThat(interrupted.exitCode()).isEqualTo(3);
    assertThat(AnalyzeCommandTest.number(interrupted, "tracks with audio to analyse"))
        .isEqualTo(tracks - 1);
    assertThat(AnalyzeCommandTest.number(interrupted, "analysed")).isEqualTo(1);
    r = records(data);
    assertThat(r.values().stream().filter(v -> "whole".equals(v.get(0))).count()).isEqualTo(2);
    CliRun rest = analyze(data, "--whole-track");
    assertThat(rest.exitCode()).isZero();
    assertThat(AnalyzeCommandTest.number(rest, "tracks with audio to analyse"))
        .isEqualTo(tracks - 2);
    assertThat(AnalyzeCommandTest.number(rest, "analysed")).isEqualTo(tracks - 2);
    assertThat(rest.out()).contains("whole tracks");
    r = records(data);
    assertThat(r.values()).allSatisfy(v -> assertThat(v.get(0)).isEqualTo("whole"));
    assertThat(r.get("Sandwich").get(1)).isEqualTo("0.0+600.0");
    // The window's features against the whole track's: a steady piece within the tolerance
    // documented for one, a real recording within the largest difference measured on the 16.
    Map<String, double[]> whole = features(data);
    assertClose("Band 1", windowed.get("Band 1"), whole.get("Band 1"), 0.02, 1.0, 0.1);
    if (withReal) {
      assertClose("Awakening", windowed.get("Awakening"), whole.get("Awakening"), 0.04, 2.0, 0.3);
    }

    assertThat(AnalyzeCommandTest.number(analyze(data, "--whole-track"), "analysed")).isZero();
    // The default mode does not replace whole-track analyses by windows.
    assertThat(AnalyzeCommandTest.number(analyze(data), "analysed")).isZero();
    // --seconds and --whole-track exclude each other.
    CliRun both =
        CliRun.of("analyze", "--data", data.toString(), "--whole-track", "--seconds", "10");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--whole-track");
  }
}
