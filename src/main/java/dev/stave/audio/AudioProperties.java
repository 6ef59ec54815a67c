package dev.stave.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Audio settings ({@code stave.audio.*}).
 *
 * @param roots folders audio files are scanned from and served from (besides those {@code stave
 *     scan} remembers); nothing outside them is ever served
 * @param ffmpeg an ffmpeg executable to use; unset: the one on {@code PATH}, else the bundled one
 * @param ffprobe an ffprobe executable to use, likewise
 * @param cacheSize bound of the transcoded-audio cache under the data directory
 * @param imageCacheSize bound of the resized-cover cache under the data directory
 * @param transcodeTimeout longest an ffmpeg run may take before it is stopped
 * @param maxTranscodeSize largest output one ffmpeg run may write
 * @param urlTtl how long a signed audio URL stays valid
 * @param signingKey the HMAC key of signed URLs (base64, at least 32 bytes); empty: a key generated
 *     once and kept in the data directory ({@code audio-signing.key})
 * @param maxConcurrentTranscodes how many ffmpeg transcodes may run at once ({@link
 *     TranscodeSlots}); unset: one per available core (an audio encode keeps about one core busy)
 * @param transcodeWait how long a request needing a transcode waits for a free slot before it is
 *     answered 503 with {@code Retry-After}
 * @param bundledForShortRuns whether ffprobe and the decodes of a few seconds (analysis windows,
 *     uploads) use the bundled ffmpeg, which starts several times faster, when the one in use is
 *     the system's ({@code PATH}); whole-track decodes and transcodes keep the system's
 */
@ConfigurationProperties("stave.audio")
public record AudioProperties(
    @DefaultValue List<Path> roots,
    Path ffmpeg,
    Path ffprobe,
    @DefaultValue("2GB") DataSize cacheSize,
    @DefaultValue("256MB") DataSize imageCacheSize,
    @DefaultValue("10m") Duration transcodeTimeout,
    @DefaultValue("2GB") DataSize maxTranscodeSize,
    @DefaultValue("6h") Duration urlTtl,
    @DefaultValue("") String signingKey,
    Integer maxConcurrentTranscodes,
    @DefaultValue("10s") Duration transcodeWait,
    @DefaultValue("true") boolean bundledForShortRuns) {

  public AudioProperties {
    roots = roots == null ? List.of() : List.copyOf(roots);
    if (maxConcurrentTranscodes == null) {
      maxConcurrentTranscodes = Math.max(1, Runtime.getRuntime().availableProcessors());
    }
    if (maxConcurrentTranscodes < 1) {
      throw new IllegalArgumentException(
          "stave.audio.max-concurrent-transcodes must be at least 1, not "
              + maxConcurrentTranscodes);
    }
    if (transcodeWait == null) {
      transcodeWait = Duration.ofSeconds(10);
    }
    if (transcodeWait.isNegative()) {
      throw new IllegalArgumentException(
          "stave.audio.transcode-wait must not be negative, not " + transcodeWait);
    }
  }
}
