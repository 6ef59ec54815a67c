package dev.stave.site.playground;

import dev.stave.catalog.AudioFeatures;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets the playground offers as sliders: the audio features {@code recommend.Recommender}
 * blends into the seeds' profile (the ReccoBeats recommendation targets), and popularity. Each
 * knows its parameter name (the same as ReccoBeats' query parameter), its range and step, where its
 * slider starts, and how its value reads.
 *
 * <p>Decision: {@code key} and {@code mode} are left out: they are categories (a pitch class, major
 * or minor), which a slider between neighbours misrepresents. The tempo and loudness ranges are
 * those music actually spans (40…220 BPM, −40…0 dB), narrower than the API accepts, so the slider
 * is fine-grained where it matters.
 */
public enum Target {
  ENERGY("energy", "Energy", 0, 1, 0.01, 0.5, "intensity and activity"),
  VALENCE("valence", "Valence", 0, 1, 0.01, 0.5, "how positive, cheerful the music sounds"),
  DANCEABILITY("danceability", "Danceability", 0, 1, 0.01, 0.5, "how suited to dancing"),
  ACOUSTICNESS("acousticness", "Acousticness", 0, 1, 0.01, 0.5, "acoustic rather than electric"),
  INSTRUMENTALNESS("instrumentalness", "Instrumentalness", 0, 1, 0.01, 0.5, "no vocals"),
  SPEECHINESS("speechiness", "Speechiness", 0, 1, 0.01, 0.1, "spoken words"),
  LIVENESS("liveness", "Liveness", 0, 1, 0.01, 0.2, "an audience in the recording"),
  TEMPO("tempo", "Tempo", 40, 220, 1, 120, "beats per minute"),
  LOUDNESS("loudness", "Loudness", -40, 0, 0.5, -8, "overall level in dB"),
  POPULARITY("popularity", "Popularity", 0, 100, 1, 50, "how much it is listened to");

  private final String param;
  private final String label;
  private final double min;
  private final double max;
  private final double step;
  private final double start;
  private final String hint;

  Target(
      String param, String label, double min, double max, double step, double start, String hint) {
    this.param = param;
    this.label = label;
    this.min = min;
    this.max = max;
    this.step = step;
    this.start = start;
    this.hint = hint;
  }

  /** The query parameter (and ReccoBeats' name for the target). */
  public String field() {
    return param;
  }

  public String label() {
    return label;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public double step() {
    return step;
  }

  /** Where the slider stands before it is moved. */
  public double start() {
    return start;
  }

  public String hint() {
    return hint;
  }

  /** Whether {@code value} is inside this target's range. */
  public boolean accepts(double value) {
    return value >= min && value <= max;
  }

  /** The value as a person reads it: "0.72", "128 BPM", "−8 dB", "50". */
  public String format(double value) {
    return switch (this) {
      case TEMPO -> String.format(Locale.ROOT, "%.0f BPM", value);
      case LOUDNESS -> String.format(Locale.ROOT, "%.1f dB", value);
      case POPULARITY -> String.format(Locale.ROOT, "%.0f", value);
      default -> String.format(Locale.ROOT, "%.2f", value);
    };
  }

  /** The value as it is written in the URL: no trailing zeros. */
  public static String plain(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  public static Optional<Target> byParam(String param) {
    for (Target t : values()) {
      if (t.param.equals(param)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The audio-feature targets among {@code values} (popularity is not a feature). */
  static AudioFeatures features(Map<Target, Double> values) {
    // No key and mode: the playground has no slider for them.
    return AudioFeatures.builder()
        .acousticness(values.get(ACOUSTICNESS))
        .danceability(values.get(DANCEABILITY))
        .energy(values.get(ENERGY))
        .instrumentalness(values.get(INSTRUMENTALNESS))
        .liveness(values.get(LIVENESS))
        .loudness(values.get(LOUDNESS))
        .speechiness(values.get(SPEECHINESS))
        .tempo(values.get(TEMPO))
        .valence(values.get(VALENCE))
        .build();
  }
}
