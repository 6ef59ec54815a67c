package dev.stave.analysis;

import dev.stave.audio.Ffmpeg.Stretch;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which stretches of a track an analysis decodes. Decoding is most of an analysis' cost and grows
 * with the length decoded, so by default a representative window is analysed rather than the whole
 * track: ReccoBeats itself analyses 30-second clips, and on the real recordings the features of the
 * window stay close to those of the whole track (docs/analysis.md, "Window against whole track",
 * which is also where the choice between one middle window and three spread ones was measured:
 * three 10-s windows agree with the whole track on tempo for 15 of 16 recordings, one middle window
 * for 13, and the spread windows are closer on five of the seven ratio features). ffmpeg seeks to
 * each stretch ({@code -ss} before {@code -i}) instead of decoding the lead-in.
 *
 * <p>A track no longer than the window is analysed whole, and recorded as such.
 *
 * @param kind where the stretches lie
 * @param length the total length decoded (for {@link Kind#WHOLE}: the most decoded, {@link
 *     FeatureBackfill#MAX_LENGTH})
 */
public record AnalysisWindow(Kind kind, Duration length) {
  /** Where the decoded stretches lie. */
  public enum Kind {
    /** One stretch of {@code length} centred on the middle of the track. */
    MIDDLE,
    /**
     * Three stretches of a third of {@code length} each, centred at 25 %, 50 % and 75 % (the
     * default).
     */
    SPREAD,
    /** One stretch of {@code length} from the start (uploads, {@code stave analyze --seconds}). */
    FIRST,
    /** The whole track, up to {@code length}. */
    WHOLE
  }

  /** What ReccoBeats analyses: 30 seconds. */
  public static final Duration DEFAULT_LENGTH = Duration.ofSeconds(30);

  /** How the analyses of tracks are recorded ({@code track_analysis.mode}). */
  public static final String MODE_WINDOW = "window";

  public static final String MODE_WHOLE = "whole";

  public AnalysisWindow {
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("an analysis window must be longer than zero");
    }
  }

  /** The default: three 10-second windows, at 25, 50 and 75 % of the track. */
  public static AnalysisWindow standard() {
    return new AnalysisWindow(Kind.SPREAD, DEFAULT_LENGTH);
  }

  public static AnalysisWindow whole() {
    return new AnalysisWindow(Kind.WHOLE, FeatureBackfill.MAX_LENGTH);
  }

  public static AnalysisWindow first(Duration length) {
    return new AnalysisWindow(Kind.FIRST, length);
  }

  /**
   * The window named by the configuration ({@code stave.analysis.window}): {@code spread} (the
   * default), {@code middle} or {@code whole}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static AnalysisWindow named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "spread", "" -> standard();
      case "middle" -> new AnalysisWindow(Kind.MIDDLE, DEFAULT_LENGTH);
      case "whole" -> whole();
      default ->
          throw new IllegalArgumentException(
              "stave.analysis.window must be spread, middle or whole, not '" + name + "'");
    };
  }

  /**
   * The stretches to decode from a track of {@code durationMs} (0 or less: unknown, then the window
   * is taken from the start), in order, never overlapping.
   */
  public List<Stretch> excerpts(long durationMs) {
    long len = length.toMillis();
    if (coversWhole(durationMs) || kind == Kind.FIRST || durationMs <= 0) {
      return List.of(new Stretch(0, len));
    }
    if (kind == Kind.MIDDLE) {
      return List.of(new Stretch((durationMs - len) / 2, len));
    }
    long part = len / 3;
    return List.of(
        new Stretch(Math.max(0, durationMs / 4 - part / 2), part),
        new Stretch((durationMs - part) / 2, part),
        new Stretch(Math.min(durationMs - part, durationMs * 3 / 4 - part / 2), part));
  }

  /** Whether a track of {@code durationMs} is analysed whole under this window. */
  public boolean coversWhole(long durationMs) {
    return kind == Kind.WHOLE || (durationMs > 0 && durationMs <= length.toMillis());
  }

  /**
   * How an analysis of a track of {@code durationMs} is recorded: {@value #MODE_WINDOW} or whole.
   */
  public String mode(long durationMs) {
    return coversWhole(durationMs) ? MODE_WHOLE : MODE_WINDOW;
  }

  /** This window in words, for reports: e.g. {@code 30 s from the middle (longer tracks)}. */
  public String describe() {
    long s = length.toSeconds();
    return switch (kind) {
      case MIDDLE -> s + " s from the middle of each track (shorter tracks whole)";
      case SPREAD -> "three " + s / 3 + "-s windows at 25, 50 and 75 % (shorter tracks whole)";
      case FIRST -> "the first " + s + " s of each track";
      case WHOLE -> "whole tracks (at most " + s + " s each)";
    };
  }

  /**
   * The stretches decoded, as recorded ({@code track_analysis.excerpt}): seconds from the start and
   * length, e.g. {@code 90.0+30.0}, comma-separated.
   */
  public static String describe(List<Stretch> excerpts) {
    return excerpts.stream()
        .map(
            e ->
                String.format(
                    Locale.ROOT, "%.1f+%.1f", e.startMs() / 1000.0, e.lengthMs() / 1000.0))
        .collect(Collectors.joining(","));
  }
}
