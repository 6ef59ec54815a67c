package dev.stave.site.explorer.tracks;

import dev.stave.catalog.AudioFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A track's audio features as a bar chart drawn on the server (inline SVG): the seven 0…1 features
 * as bars, with tempo, key and loudness beside them as figures. Server-drawn, so it needs no script
 * and reads the same on reload; its text alternative lists every value.
 *
 * @param bars the 0…1 features the track has, in a fixed order
 * @param tempo BPM as text, empty when unknown
 * @param key key and mode ("A minor"), empty when unknown
 * @param loudness dB as text, empty when unknown
 */
public record FeatureChart(List<Bar> bars, String tempo, String key, String loudness) {
  /** Rows of the chart and their geometry in the SVG's view box. */
  public static final int ROW = 30;

  public static final int LABEL_WIDTH = 150;
  public static final int BAR_WIDTH = 300;

  static final List<String> KEYS =
      List.of("C", "C♯/D♭", "D", "E♭", "E", "F", "F♯/G♭", "G", "A♭", "A", "B♭", "B");

  /**
   * One feature.
   *
   * @param value 0…1
   */
  public record Bar(String label, double value) {
    public String percent() {
      return Math.round(value * 100) + "%";
    }

    /** The bar's length in the view box. */
    public double length() {
      return Math.max(1, value * BAR_WIDTH);
    }
  }

  public FeatureChart {
    bars = List.copyOf(bars);
  }

  /** The chart of {@code f}; empty when the track has no features at all. */
  public static Optional<FeatureChart> of(AudioFeatures f) {
    if (f == null || f.isEmpty()) {
      return Optional.empty();
    }
    List<Bar> bars = new ArrayList<>();
    add(bars, "Danceability", f.danceability());
    add(bars, "Energy", f.energy());
    add(bars, "Valence (mood)", f.valence());
    add(bars, "Acousticness", f.acousticness());
    add(bars, "Instrumentalness", f.instrumentalness());
    add(bars, "Liveness", f.liveness());
    add(bars, "Speechiness", f.speechiness());
    String tempo = f.tempo() == null ? "" : Math.round(f.tempo()) + " BPM";
    String key =
        f.key() == null || f.key() < 0 || f.key() > 11
            ? ""
            : KEYS.get(f.key()) + (f.mode() == null ? "" : f.mode() == 1 ? " major" : " minor");
    String loudness =
        f.loudness() == null ? "" : String.format(Locale.ROOT, "%.1f dB", f.loudness());
    return Optional.of(new FeatureChart(bars, tempo, key, loudness));
  }

  private static void add(List<Bar> bars, String label, Double value) {
    if (value != null) {
      bars.add(new Bar(label, Math.max(0, Math.min(1, value))));
    }
  }

  /** The view box height: one row per bar. */
  public int height() {
    return bars.size() * ROW;
  }

  public int width() {
    return LABEL_WIDTH + BAR_WIDTH + 60;
  }

  /** Every value in words, the chart's text alternative. */
  public String description() {
    return "Audio features: "
        + bars.stream().map(b -> b.label() + " " + b.percent()).collect(Collectors.joining(", "))
        + ".";
  }
}
