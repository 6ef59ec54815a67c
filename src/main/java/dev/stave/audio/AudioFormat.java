package dev.stave.audio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The renditions a track is served in (Jamendo's {@code audioformat} values): how ffmpeg makes
 * each, and when the original file already is one.
 */
public enum AudioFormat {
  /** MP3 at ~96 kbps, for low bandwidth. */
  MP31("audio/mpeg", "mp3", "mp3", List.of("-c:a", "libmp3lame", "-b:a", "96k")),
  /** MP3, VBR "good quality" (LAME V2, ~190 kbps). */
  MP32("audio/mpeg", "mp3", "mp3", List.of("-c:a", "libmp3lame", "-q:a", "2")),
  /** Ogg Vorbis; ffmpeg's native Vorbis encoder is "experimental" (-strict -2) and stereo only. */
  OGG(
      "audio/ogg",
      "ogg",
      "ogg",
      List.of("-c:a", "vorbis", "-strict", "-2", "-ac", "2", "-q:a", "6")),
  /** FLAC, lossless. */
  FLAC("audio/flac", "flac", "flac", List.of("-c:a", "flac"));

  /** The largest average bitrate an MP3 original may have to be served as {@code mp31}. */
  static final int MP31_MAX_ORIGINAL_KBPS = 128;

  private final String contentType;
  private final String extension;
  private final String muxer;
  private final List<String> encoderArgs;

  AudioFormat(String contentType, String extension, String muxer, List<String> encoderArgs) {
    this.contentType = contentType;
    this.extension = extension;
    this.muxer = muxer;
    this.encoderArgs = encoderArgs;
  }

  /** The name in URLs: {@code mp31}, {@code mp32}, {@code ogg}, {@code flac}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  public String muxer() {
    return muxer;
  }

  /** ffmpeg output options that encode this rendition (codec, quality, container). */
  public List<String> encoderArgs() {
    return encoderArgs;
  }

  /**
   * The codec options of a second pass that completes the header of this rendition made through a
   * pipe (see {@code Renditions}), or empty when its muxer writes a complete file without seeking
   * back. MP3: ffmpeg adds the Xing/LAME frame (duration, seek table) only in a seekable file, so
   * the stream is copied once more ({@code -c copy}). FLAC: the STREAMINFO sample count is likewise
   * written at the end, and a copy of a stream without it keeps none, so it is encoded again
   * (lossless, the same samples, hundreds of times real time). Ogg: every page is final as written.
   */
  public Optional<List<String>> headerCompletion() {
    return switch (this) {
      case MP31, MP32 -> Optional.of(List.of("-c", "copy"));
      case FLAC -> Optional.of(encoderArgs);
      case OGG -> Optional.empty();
    };
  }

  public static Optional<AudioFormat> fromWire(String name) {
    for (AudioFormat f : values()) {
      if (f.wireName().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an original with this codec ({@code ffprobe}'s name: mp3, vorbis, flac, opus, pcm_…)
   * and average bitrate can be served as it is: any MP3 as {@code mp32}, an MP3 of at most {@value
   * #MP31_MAX_ORIGINAL_KBPS} kbps as {@code mp31}, Ogg Vorbis as {@code ogg}, FLAC as {@code flac}.
   */
  public boolean servedByOriginal(String codec, String container, int bitrateKbps) {
    if (codec == null) {
      return false;
    }
    return switch (this) {
      case MP31 -> codec.equals("mp3") && bitrateKbps > 0 && bitrateKbps <= MP31_MAX_ORIGINAL_KBPS;
      case MP32 -> codec.equals("mp3");
      case OGG -> codec.equals("vorbis") && "ogg".equals(container);
      case FLAC -> codec.equals("flac") && "flac".equals(container);
    };
  }
}
