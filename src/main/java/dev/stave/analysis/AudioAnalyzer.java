package dev.stave.analysis;

import dev.stave.audio.AudioException;
import dev.stave.audio.Ffmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Analyses audio files: ffmpeg decodes them (any container it reads) to 16-bit PCM at {@value
 * #SAMPLE_RATE} Hz, mono or stereo as the source is, from which a mono mix is analysed in Java
 * ({@link FeatureExtractor}) while the loudness is measured on the channels.
 */
@Component
public class AudioAnalyzer {
  /** The analysis rate: everything up to 11 kHz, which the features need, at half the work. */
  public static final int SAMPLE_RATE = 22_050;

  /** What an uploaded clip is cut to (ReccoBeats analyses the first 30 seconds). */
  public static final Duration UPLOAD_LIMIT = Duration.ofSeconds(30);

  private final Ffmpeg ffmpeg;

  /**
   * One analysis per core at a time: requests run on virtual threads, so without a bound a burst of
   * uploads would start as many ffmpeg processes and analyses at once.
   */
  private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  public AudioAnalyzer(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /**
   * Decodes and analyses {@code file}.
   *
   * @param format the container ({@link AudioSignature}); null lets ffmpeg probe
   * @param limit analyse only this much from the start; null: everything
   * @throws AudioException when ffmpeg cannot decode the file, or it holds no audio
   */
  public Analysis analyze(Path file, AudioSignature format, Duration limit) {
    return analyzeStretches(
        file, format, limit == null ? List.of() : List.of(new Ffmpeg.Stretch(0, limit.toMillis())));
  }

  /**
   * Decodes only {@code stretches} of {@code file} (empty: all of it), joined, and analyses them as
   * one clip ({@link AnalysisWindow}).
   *
   * @throws AudioException when ffmpeg cannot decode the file, or it holds no audio
   */
  public Analysis analyzeStretches(
      Path file, AudioSignature format, List<Ffmpeg.Stretch> stretches) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioException("interrupted while waiting to analyse " + file.getFileName(), e);
    }
    try {
      return FeatureExtractor.analyze(decodeStretches(file, format, stretches));
    } finally {
      slots.release();
    }
  }

  /** Decodes only (for measuring the two costs apart). */
  public Signal decode(Path file, AudioSignature format, Duration limit) {
    return decodeStretches(
        file, format, limit == null ? List.of() : List.of(new Ffmpeg.Stretch(0, limit.toMillis())));
  }

  /** Decodes only {@code stretches} of {@code file}, joined (empty: all of it). */
  public Signal decodeStretches(Path file, AudioSignature format, List<Ffmpeg.Stretch> stretches) {
    Signal.WavStream pcm = new Signal.WavStream(SAMPLE_RATE);
    ffmpeg.decodeWav(file, format == null ? null : format.demuxer(), SAMPLE_RATE, stretches, pcm);
    Signal signal = pcm.signal();
    if (signal.mono().length == 0) {
      throw new AudioException("no audio in " + file.getFileName());
    }
    return signal;
  }
}
