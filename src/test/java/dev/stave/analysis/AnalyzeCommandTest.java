package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave analyze} through the CLI on a scanned library: features stored on the tracks with
 * derived musicinfo, an interrupted run that resumes, a second run that skips what has features,
 * {@code --all} that analyses again, an unreadable file reported, and the change log (the index's
 * feed) carrying the new features.
 */
class AnalyzeCommandTest {
  @TempDir Path tmp;

  private List<Object> row(Path data, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs = c.createStatement().executeQuery(query)) {
      assertThat(rs.next()).as(query).isTrue();
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      return row;
    }
  }

  /** The number after {@code label} in the report {@code stave analyze} prints. */
  static long number(CliRun run, String label) {
    for (String line : run.out().lines().toList()) {
      if (line.startsWith(label)) {
        return Long.parseLong(line.substring(label.length()).strip().replace(",", ""));
      }
    }
    throw new AssertionError("no '" + label + "' in:\n" + run.out() + run.err());
  }

  @Test
  void analysesStoresResumesSkipsAndRedoes() throws Exception {
    Path music = tmp.resolve("music");
    Path data = tmp.resolve("data");
    Path drumsWav = Synth.wav(tmp.resolve("drums.wav"), Synth.song(7, 1, 120, 20, 1));
    for (int i = 1; i <= 3; i++) {
      Path out = music.resolve("Band/Beat/0" + i + " Beat " + i + ".mp3");
      java.nio.file.Files.createDirectories(out.getParent());
      TestAudio.ffmpeg()
          .run(
              List.of(
                  "-i",
                  "file:" + drumsWav,
                  "-c:a",
                  "libmp3lame",
                  "-metadata",
                  "title=Beat " + i,
                  "-metadata",
                  "artist=Band",
                  "-metadata",
                  "album=Beat",
                  "file:" + out));
    }
    TestAudio.write(
        music.resolve("Band/Beat/04 Noise.flac"),
        TestAudio.noise(5),
        Map.of("title", "Noise", "artist", "Band", "album", "Beat"),
        null);
    CliRun scan = CliRun.of("scan", music.toString(), "--data", data.toString(), "--no-progress");
    assertThat(scan.exitCode()).as(scan.out() + scan.err()).isZero();
    long changesBefore = (long) (Integer) row(data, "SELECT COUNT(*) FROM change_log").get(0);

    // Interrupted after one batch of one track: that one is stored, the rest is not.
    CliRun first =
        CliRun.of(
            "analyze",
            "--data",
            data.toString(),
            "--no-progress",
            "--batch-size",
            "1",
            "--stop-after-batches",
            "1");
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
    assertThat(number(first, "analysed")).isEqualTo(1);
    assertThat(first.out()).contains("stopped early");
    assertThat(row(data, "SELECT COUNT(*) FROM tracks WHERE tempo IS NOT NULL").get(0))
        .isEqualTo(1);

    CliRun rest = CliRun.of("analyze", "--data", data.toString(), "--no-progress", "--missing");
    assertThat(rest.exitCode()).as(rest.out() + rest.err()).isZero();
    assertThat(number(rest, "tracks with audio to analyse")).isEqualTo(3);
    assertThat(number(rest, "skipped (have features)")).isEqualTo(1);
    assertThat(number(rest, "analysed")).isEqualTo(3);

    List<Object> beat =
        row(
            data,
            "SELECT tempo, musical_key, mode, loudness, instrumentalness, speed,"
                + " vocal_instrumental, acoustic_electric FROM tracks WHERE name = 'Beat 2'");
    assertThat(((Number) beat.get(0)).doubleValue()).isCloseTo(120, within(2.4));
    assertThat(beat.get(1)).isEqualTo(7); // G
    assertThat(beat.get(2)).isEqualTo(1); // major
    assertThat(((Number) beat.get(3)).doubleValue()).isBetween(-30.0, -5.0);
    assertThat(beat.get(5)).isEqualTo("medium"); // 100 ≤ 120 < 125 BPM
    assertThat(beat.get(6)).isEqualTo("instrumental");
    List<Object> noise =
        row(data, "SELECT tempo, musical_key, speed FROM tracks WHERE name = 'Noise'");
    assertThat(((Number) noise.get(0)).doubleValue()).isZero();
    assertThat(noise.get(1)).isEqualTo(-1);
    assertThat(noise.get(2)).as("no beat, no speed label").isNull();
    // Every stored change went to the change log the search index follows.
    long changesAfter = (long) (Integer) row(data, "SELECT COUNT(*) FROM change_log").get(0);
    assertThat(changesAfter - changesBefore).isGreaterThanOrEqualTo(4);

    CliRun again = CliRun.of("analyze", "--data", data.toString(), "--no-progress");
    assertThat(again.exitCode()).isZero();
    assertThat(number(again, "analysed")).isZero();
    assertThat(number(again, "skipped (have features)")).isEqualTo(4);

    CliRun all =
        CliRun.of(
            "analyze", "--all", "--data", data.toString(), "--no-progress", "--seconds", "10");
    assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
    assertThat(number(all, "analysed")).isEqualTo(4);
  }
}
