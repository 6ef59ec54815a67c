package dev.stave.ingest.demo.audio;

import dev.stave.audio.Ffmpeg;
import dev.stave.catalog.AudioFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes the audio file of one demo track: the piece is composed and rendered in Java ({@link
 * Arrangement}, {@link DemoSong}; generating PCM here gives real drums, bass, chords and voices for
 * far less effort than a graph of ffmpeg filter expressions would), written as WAV beside the
 * target, and encoded by Stave's ffmpeg (the system one or the bundled build) to a 128 kbps MP3: at
 * or under 128 kbps, it is served as it is for both {@code mp31} and {@code mp32}, so playing a
 * demo track costs no transcode.
 *
 * <p>Never leaves a half-written file under the target name: the WAV and the MP3 are written under
 * hidden temporary names and the MP3 is renamed into place only when ffmpeg has finished.
 */
@Component
public class DemoPieces {
  /** The encoding of every piece. */
  static final String BITRATE = "128k";

  private final Ffmpeg ffmpeg;

  public DemoPieces(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** What a piece is: its length and the loudness its master reached, in LUFS. */
  public record Piece(double seconds, double loudness) {}

  /**
   * Writes the piece of a track with {@code features} to {@code target} (an {@code .mp3}), tagged
   * with {@code tags} (title, artist, album, track …).
   *
   * @param seed the track's id: the same features and seed give the same piece
   */
  public Piece write(AudioFeatures features, long seed, Map<String, String> tags, Path target) {
    Arrangement arrangement = Arrangement.of(features, seed);
    Mix mix = DemoSong.render(arrangement);
    double loudness = mix.master(arrangement.loudness());
    Path dir = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    Path wav = dir.resolve("." + name + ".wav");
    Path part = dir.resolve("." + name + ".part");
    try {
      Files.createDirectories(dir);
      mix.writeWav(wav);
      List<String> args = new ArrayList<>(List.of("-i", "file:" + wav, "-map_metadata", "-1"));
      tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
      args.addAll(
          List.of(
              "-c:a",
              "libmp3lame",
              "-b:a",
              BITRATE,
              "-id3v2_version",
              "3",
              "-f",
              "mp3",
              "file:" + part));
      ffmpeg.run(args);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      deleteQuietly(wav);
      deleteQuietly(part);
    }
    return new Piece(mix.length() / (double) Mix.RATE, loudness);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover temporary file is removed by the next run (hidden, never scanned).
    }
  }
}
