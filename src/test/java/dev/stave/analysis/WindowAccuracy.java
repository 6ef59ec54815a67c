package dev.stave.analysis;

import dev.stave.audio.AudioProbe;
import dev.stave.audio.Ffmpeg;
import dev.stave.audio.TestAudio;
import dev.stave.catalog.AudioFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How far the features of a window ({@link AnalysisWindow}) are from those of the whole track, on
 * the same files, analysed as {@code stave analyze} analyses them. Used by the accuracy report
 * (docs/analysis.md, "Window against whole track") and by {@code WindowedAnalysisTest}, which
 * asserts the documented tolerances.
 */
final class WindowAccuracy {
  /** The ratio features (0…1), by name. */
  static final Map<String, Function<AudioFeatures, Double>> RATIOS = new LinkedHashMap<>();

  static {
    RATIOS.put("danceability", AudioFeatures::danceability);
    RATIOS.put("energy", AudioFeatures::energy);
    RATIOS.put("valence", AudioFeatures::valence);
    RATIOS.put("acousticness", AudioFeatures::acousticness);
    RATIOS.put("instrumentalness", AudioFeatures::instrumentalness);
    RATIOS.put("speechiness", AudioFeatures::speechiness);
    RATIOS.put("liveness", AudioFeatures::liveness);
  }

  private WindowAccuracy() {}

  /** One file analysed whole and over each window; and the wall time each analysis took. */
  record Row(
      String name, long durationMs, AudioFeatures whole, Map<String, AudioFeatures> windows) {}

  /** The windows compared with the whole track, by label. */
  static Map<String, AnalysisWindow> windows() {
    Map<String, AnalysisWindow> w = new LinkedHashMap<>();
    w.put("middle 30 s", AnalysisWindow.named("middle"));
    w.put("three 10-s windows", AnalysisWindow.named("spread"));
    return w;
  }

  static Row analyse(AudioAnalyzer analyzer, Ffmpeg ffmpeg, Path file) {
    long duration = AudioProbe.parse(ffmpeg.probeJson(file)).durationMs();
    AudioFeatures whole =
        analyzer.analyzeStretches(file, null, AnalysisWindow.whole().excerpts(duration)).features();
    Map<String, AudioFeatures> windows = new LinkedHashMap<>();
    windows()
        .forEach(
            (label, w) ->
                windows.put(
                    label, analyzer.analyzeStretches(file, null, w.excerpts(duration)).features()));
    return new Row(file.getFileName().toString(), duration, whole, windows);
  }

  static List<Row> analyse(List<Path> files) {
    Ffmpeg ffmpeg = TestAudio.ffmpeg();
    AudioAnalyzer analyzer = new AudioAnalyzer(ffmpeg);
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      rows.add(analyse(analyzer, ffmpeg, f));
    }
    return rows;
  }

  /** Whether two tempos agree within ±4 % (MIREX's window); 0 (no beat) agrees only with 0. */
  static boolean sameTempo(double a, double b) {
    if (a <= 0 || b <= 0) {
      return a <= 0 && b <= 0;
    }
    return Math.abs(a - b) <= 0.04 * b;
  }

  static boolean octaveTempo(double a, double b) {
    return sameTempo(a, b) || sameTempo(a, 2 * b) || sameTempo(a, b / 2);
  }

  private static double value(Double d) {
    return d == null ? 0 : d;
  }

  /** The Markdown tables: the summary per feature and window, then one row per file. */
  static String tables(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    List<String> labels = new ArrayList<>(windows().keySet());
    b.append("| feature |");
    labels.forEach(l -> b.append(' ').append(l).append(" |"));
    b.append('\n').append("|---|");
    labels.forEach(l -> b.append("---|"));
    b.append('\n');
    int n = rows.size();
    line(
        b,
        "tempo: same (±4 %) / octave-related",
        labels,
        l -> {
          int same = 0;
          int octave = 0;
          for (Row r : rows) {
            double w = value(r.windows().get(l).tempo());
            double whole = value(r.whole().tempo());
            same += sameTempo(w, whole) ? 1 : 0;
            octave += octaveTempo(w, whole) ? 1 : 0;
          }
          return String.format(Locale.ROOT, "%d/%d / %d/%d", same, n, octave, n);
        });
    line(
        b,
        "key and mode: same / same key only / other",
        labels,
        l -> {
          int same = 0;
          int keyOnly = 0;
          for (Row r : rows) {
            AudioFeatures w = r.windows().get(l);
            boolean key = java.util.Objects.equals(w.key(), r.whole().key());
            boolean both = key && java.util.Objects.equals(w.mode(), r.whole().mode());
            same += both ? 1 : 0;
            keyOnly += key && !both ? 1 : 0;
          }
          return String.format(Locale.ROOT, "%d / %d / %d", same, keyOnly, n - same - keyOnly);
        });
    line(
        b,
        "loudness (LU): mean / max abs. difference",
        labels,
        l -> differences(rows, l, AudioFeatures::loudness, "%.1f / %.1f"));
    RATIOS.forEach(
        (name, get) ->
            line(
                b,
                name + ": mean / max abs. difference",
                labels,
                l -> differences(rows, l, get, "%.3f / %.3f")));
    b.append('\n');
    b.append("| recording | length | tempo whole → ");
    b.append(String.join(", ", labels));
    b.append(" | key whole → windows | loudness whole → windows |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d:%02d | %.1f → %s | %s → %s | %.1f → %s |%n",
              r.name(),
              r.durationMs() / 60_000,
              r.durationMs() / 1000 % 60,
              value(r.whole().tempo()),
              join(r, f -> String.format(Locale.ROOT, "%.1f", value(f.tempo()))),
              key(r.whole()),
              join(r, WindowAccuracy::key),
              value(r.whole().loudness()),
              join(r, f -> String.format(Locale.ROOT, "%.1f", value(f.loudness())))));
    }
    return b.toString();
  }

  /** Mean and largest absolute difference between a window's feature and the whole track's. */
  static double[] difference(List<Row> rows, String label, Function<AudioFeatures, Double> get) {
    double sum = 0;
    double max = 0;
    for (Row r : rows) {
      double d = Math.abs(value(get.apply(r.windows().get(label))) - value(get.apply(r.whole())));
      sum += d;
      max = Math.max(max, d);
    }
    return new double[] {rows.isEmpty() ? 0 : sum / rows.size(), max};
  }

  private static String differences(
      List<Row> rows, String label, Function<AudioFeatures, Double> get, String format) {
    double[] d = difference(rows, label, get);
    return String.format(Locale.ROOT, format, d[0], d[1]);
  }

  private static String join(Row r, Function<AudioFeatures, String> f) {
    return String.join(", ", r.windows().values().stream().map(f).toList());
  }

  private static final String[] NAMES = {
    "C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"
  };

  private static String key(AudioFeatures f) {
    if (f.key() == null || f.key() < 0) {
      return "none";
    }
    return NAMES[f.key()] + (f.mode() != null && f.mode() == 1 ? "" : "m");
  }

  private static void line(
      StringBuilder b, String what, List<String> labels, Function<String, String> cell) {
    b.append("| ").append(what).append(" |");
    labels.forEach(l -> b.append(' ').append(cell.apply(l)).append(" |"));
    b.append('\n');
  }
}
