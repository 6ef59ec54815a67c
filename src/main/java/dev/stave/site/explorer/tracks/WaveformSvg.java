package dev.stave.site.explorer.tracks;

import dev.stave.site.Durations;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A track's waveform drawn on the server as an inline SVG path, from the peaks the scan stored
 * (Jamendo's {@code {"peaks":[…]}}, 0…100 of full scale): no script and no image request, and a
 * text alternative that says what the picture shows (where the track is loudest, how loud on
 * average). The stored peaks (960) are folded to {@value #BARS} bars, the loudest of each slice,
 * which is as many as a wide page shows distinctly.
 *
 * @param path the SVG path of the bars, in a {@link #WIDTH} × {@link #HEIGHT} view box
 * @param description the text alternative
 */
public record WaveformSvg(String path, String description) {
  static final int BARS = 240;
  public static final int WIDTH = BARS * 4;
  public static final int HEIGHT = 100;

  private static final Pattern PEAKS = Pattern.compile("\"peaks\"\\s*:\\s*\\[([0-9,\\s]*)]");

  /** The waveform of the stored peaks JSON; empty when there are none (no audio analysed yet). */
  public static Optional<WaveformSvg> of(String json, String trackName, long durationMs) {
    int[] peaks = parse(json);
    if (peaks.length == 0) {
      return Optional.empty();
    }
    int[] bars = fold(peaks, Math.min(BARS, peaks.length));
    StringBuilder d = new StringBuilder(bars.length * 20);
    double width = (double) WIDTH / bars.length;
    int loudest = 0;
    long sum = 0;
    for (int i = 0; i < bars.length; i++) {
      int h = Math.max(1, Math.min(HEIGHT, bars[i]));
      double x = i * width;
      d.append(
          String.format(
              Locale.ROOT,
              "M%.1f %.1fh%.1fv%dh-%.1fz",
              x + width * 0.15,
              (HEIGHT - h) / 2.0,
              width * 0.7,
              h,
              width * 0.7));
      if (bars[i] > bars[loudest]) {
        loudest = i;
      }
      sum += bars[i];
    }
    long at = durationMs * loudest / bars.length;
    String description =
        String.format(
            Locale.ROOT,
            "Waveform of %s: loudest around %s, at %d%% of full scale; %d%% on average.",
            trackName,
            Durations.clock(at),
            bars[loudest],
            Math.round((double) sum / bars.length));
    return Optional.of(new WaveformSvg(d.toString(), description));
  }

  /** The SVG view box the path is drawn in. */
  public String viewBox() {
    return "0 0 " + WIDTH + " " + HEIGHT;
  }

  static int[] parse(String json) {
    if (json == null) {
      return new int[0];
    }
    Matcher m = PEAKS.matcher(json);
    if (!m.find() || m.group(1).isBlank()) {
      return new int[0];
    }
    return Arrays.stream(m.group(1).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .mapToInt(s -> Math.min(100, Integer.parseInt(s)))
        .toArray();
  }

  /** {@code n} values, each the largest of its slice of {@code peaks}. */
  static int[] fold(int[] peaks, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int from = (int) ((long) i * peaks.length / n);
      int to = Math.max(from + 1, (int) ((long) (i + 1) * peaks.length / n));
      for (int k = from; k < to; k++) {
        out[i] = Math.max(out[i], peaks[k]);
      }
    }
    return out;
  }
}
