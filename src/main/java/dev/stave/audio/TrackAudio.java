package dev.stave.audio;

import dev.stave.catalog.Track;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audio of a track as the web layer serves it: its present master file, checked to lie inside
 * the audio roots ({@link AudioRoots}), and the file holding it in a format ({@link Renditions}).
 */
@Component
public class TrackAudio {
  private static final Logger log = LoggerFactory.getLogger(TrackAudio.class);

  /** Album order: disc, then position (tracks without one last), then id. */
  public static final Comparator<Track> ALBUM_ORDER =
      Comparator.comparing((Track t) -> t.disc() == null ? 1 : t.disc())
          .thenComparing(t -> t.position() == null ? Integer.MAX_VALUE : t.position())
          .thenComparingLong(Track::id);

  private final AudioFileStore files;
  private final AudioRoots roots;
  private final Renditions renditions;

  public TrackAudio(AudioFileStore files, AudioRoots roots, Renditions renditions) {
    this.files = files;
    this.roots = roots;
    this.renditions = renditions;
  }

  /** A track's master file and its real path, checked to be inside the audio roots. */
  public record Source(AudioFile file, Path real) {}

  /** The servable master file of a track; empty when it has none (or one outside the roots). */
  public Optional<Source> source(long trackId) {
    Optional<AudioFile> file = files.forTrack(trackId);
    Optional<Path> real = file.flatMap(f -> roots.servable(f.path()));
    if (real.isEmpty()) {
      file.ifPresent(
          f -> log.warn("track {}: {} is not a file inside the audio roots", trackId, f.path()));
      return Optional.empty();
    }
    return Optional.of(new Source(file.get(), real.get()));
  }

  /**
   * {@code source} in {@code format} as soon as there is something to stream: the original, a
   * cached transcode (leased), or a reader of the transcode being made (see {@link
   * Renditions#open}).
   *
   * @throws AudioException when ffmpeg cannot be started
   */
  public Renditions.Opened open(Source source, AudioFormat format) {
    return renditions.open(source.file(), source.real(), format);
  }

  /**
   * The complete file holding {@code source} in {@code format}: the original or a cached transcode,
   * leased until the caller has sent it (see {@link Renditions#lease}).
   *
   * @throws AudioException when ffmpeg fails
   */
  public Renditions.Lease rendition(Source source, AudioFormat format) {
    return renditions.lease(source.file(), source.real(), format);
  }

  /** Whether {@code source} in {@code format} is its original file as it is (no transcode). */
  public static boolean servedAsIs(Source source, AudioFormat format) {
    AudioFile f = source.file();
    return format.servedByOriginal(f.codec(), f.container(), f.bitrateKbps());
  }

  /**
   * Streams {@code source} in {@code format} from {@code offset} on, encoded live (see {@link
   * Renditions#streamFrom}).
   */
  public void streamFrom(Source source, AudioFormat format, Duration offset, OutputStream sink) {
    renditions.streamFrom(source.real(), format, offset, sink);
  }
}
