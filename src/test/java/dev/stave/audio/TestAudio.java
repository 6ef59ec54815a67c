package dev.stave.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * Audio made for tests with the located ffmpeg: short tones, noise and silence in any container,
 * with tags and an embedded cover when asked.
 */
public final class TestAudio {
  private static Ffmpeg ffmpeg;

  private TestAudio() {}

  public static synchronized Ffmpeg ffmpeg() {
    if (ffmpeg == null) {
      ffmpeg = new Ffmpeg(properties());
    }
    return ffmpeg;
  }

  public static AudioProperties properties() {
    return new AudioProperties(
        List.of(),
        null,
        null,
        DataSize.ofMegabytes(64),
        DataSize.ofMegabytes(16),
        Duration.ofMinutes(2),
        DataSize.ofMegabytes(64),
        Duration.ofHours(6),
        "",
        2, // max concurrent transcodes
        Duration.ofSeconds(10), // transcode wait
        true); // the bundled build for short runs
  }

  /** A 440 Hz sine of {@code seconds}. */
  public static String tone(double seconds, int hz) {
    return "sine=frequency=" + hz + ":duration=" + seconds;
  }

  public static String noise(double seconds) {
    return "anoisesrc=duration=" + seconds + ":amplitude=0.3";
  }

  public static String silence(double seconds) {
    return "anullsrc=r=44100:cl=mono,atrim=duration=" + seconds;
  }

  /**
   * Writes {@code source} (a lavfi graph) to {@code out}, encoded per its extension, with {@code
   * tags} (ffmpeg metadata keys) and, when {@code cover} is set, that image embedded.
   */
  public static Path write(Path out, String source, Map<String, String> tags, Path cover)
      throws Exception {
    Files.createDirectories(out.getParent());
    List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", source));
    if (cover != null) {
      args.addAll(List.of("-i", "file:" + cover));
    }
    args.addAll(List.of("-map", "0:a"));
    if (cover != null) {
      args.addAll(List.of("-map", "1:v", "-c:v", "copy", "-disposition:v", "attached_pic"));
    }
    String name = out.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1);
    args.addAll(
        switch (ext) {
          case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "128k", "-id3v2_version", "3");
          case "ogg" -> List.of("-c:a", "vorbis", "-strict", "-2", "-ac", "2");
          case "opus" -> List.of("-c:a", "libopus");
          case "flac" -> List.of("-c:a", "flac");
          case "m4a" -> List.of("-c:a", "aac");
          case "wav" -> List.of("-c:a", "pcm_s16le");
          default -> throw new IllegalArgumentException(ext);
        });
    tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
    args.add("file:" + out);
    ffmpeg().run(args);
    return out;
  }

  /** A small JPEG of one colour. */
  public static Path cover(Path out, String colour) {
    ffmpeg()
        .run(
            List.of(
                "-f",
                "lavfi",
                "-i",
                "color=c=" + colour + ":s=64x64",
                "-frames:v",
                "1",
                "file:" + out));
    return out;
  }
}
