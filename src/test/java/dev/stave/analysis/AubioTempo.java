package dev.stave.analysis;

import dev.stave.audio.RealMusicTest;
import dev.stave.audio.TestAudio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tempo of real recordings by Debian's {@code aubio} ({@code apt-get install aubio-tools}), the
 * reference Stave's tempo is compared with on the {@code singularity-music} recordings (fetched by
 * scripts/fetch-test-music.sh, see {@link RealMusicTest#folder()}).
 */
final class AubioTempo {
  /** Relative tolerance of an agreement: ±4 %, the usual MIREX tempo window. */
  static final double TOLERANCE = 0.04;

  /** How Stave's tempo relates to aubio's: the ratio (Stave / aubio) they agree at, if any. */
  enum Relation {
    EXACT("1×", 1),
    DOUBLE("2×", 2),
    HALF("½×", 0.5),
    THREE_HALVES("3/2×", 1.5),
    TWO_THIRDS("2/3×", 2.0 / 3),
    NONE("—", Double.NaN);

    final String label;
    final double ratio;

    Relation(String label, double ratio) {
      this.label = label;
      this.ratio = ratio;
    }

    /** Same tempo or an octave apart (×2, ×½). */
    boolean octaveTolerant() {
      return this == EXACT || this == DOUBLE || this == HALF;
    }

    /** Also a metrical-level error (×3/2, ×2/3: duple against triple grouping). */
    boolean metricalTolerant() {
      return this != NONE;
    }

    static Relation of(double stave, double aubio) {
      if (stave <= 0 || aubio <= 0) {
        return NONE;
      }
      for (Relation r : values()) {
        if (r != NONE && Math.abs(stave - r.ratio * aubio) <= TOLERANCE * r.ratio * aubio) {
          return r;
        }
      }
      return NONE;
    }
  }

  /** One recording: Stave's tempo (whole track, as {@code stave analyze}) against aubio's. */
  record Row(String name, double stave, Reference aubio, Relation relation) {}

  /**
   * Analyses every recording with Stave and with aubio. aubio (another process) works through the
   * recordings on a thread of its own while Stave analyses them here: on two cores the comparison
   * takes about as long as the slower of the two instead of both added up.
   */
  static List<Row> compare() throws IOException, InterruptedException {
    AudioAnalyzer analyzer = new AudioAnalyzer(TestAudio.ffmpeg());
    List<Path> files = recordings();
    List<Row> rows = new ArrayList<>();
    try (ExecutorService aubioLane = Executors.newSingleThreadExecutor()) {
      List<Future<Reference>> references = new ArrayList<>();
      for (Path f : files) {
        references.add(aubioLane.submit(() -> reference(f)));
      }
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        Double ours = analyzer.analyze(f, null, FeatureBackfill.MAX_LENGTH).features().tempo();
        double stave = ours == null ? 0 : ours;
        Reference aubio;
        try {
          aubio = references.get(i).get();
        } catch (ExecutionException e) {
          throw new IOException("aubio on " + f.getFileName(), e.getCause());
        }
        rows.add(
            new Row(f.getFileName().toString(), stave, aubio, Relation.of(stave, aubio.median())));
      }
    }
    return rows;
  }

  /** The Markdown table of {@code rows} and its aggregate line. */
  static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(
        "| recording | aubio, median beat interval (BPM) | `aubio tempo` (mean) | Stave (BPM) |"
            + " Stave / aubio median | agreement |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.3f | %s |%n",
              r.name(),
              r.aubio().median(),
              r.aubio().mean(),
              r.stave(),
              r.aubio().median() > 0 ? r.stave() / r.aubio().median() : Double.NaN,
              r.relation() == Relation.EXACT ? "exact" : r.relation().label));
    }
    long exact = rows.stream().filter(r -> r.relation() == Relation.EXACT).count();
    long octave = rows.stream().filter(r -> r.relation().octaveTolerant()).count();
    long metrical = rows.stream().filter(r -> r.relation().metricalTolerant()).count();
    b.append(
        String.format(
            Locale.ROOT,
            "%nWithin ±4 %%: exact %d/%d; octave-tolerant (1×, 2×, ½×) %d/%d; also allowing"
                + " 3/2× and 2/3× %d/%d.%n",
            exact,
            rows.size(),
            octave,
            rows.size(),
            metrical,
            rows.size()));
    return b.toString();
  }

  private AubioTempo() {}

  /** Why the comparison cannot run here, or null when aubio and the recordings are present. */
  static String unavailable() {
    Path music = RealMusicTest.folder();
    if (!Files.isRegularFile(music.resolve(".complete"))) {
      return "no real recordings in " + music + " (run scripts/fetch-test-music.sh)";
    }
    return DebianTool.missing("aubio", "aubio-tools");
  }

  /** The recordings, sorted by name. */
  static List<Path> recordings() throws IOException {
    try (Stream<Path> s = Files.list(RealMusicTest.folder())) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /**
   * aubio's beat tracker on {@code file} ({@code aubio beat}, the tracker behind {@code aubio
   * tempo}): the median and the mean of the tempos of its successive beat intervals. The median is
   * the reference: aubio 0.4.9's {@code aubio tempo} prints the mean (its cmd.py computes {@code
   * np.mean} into a variable named {@code median_bpm}), which a few intervals where the tracker
   * stumbles pull away from the pulse it follows.
   */
  static Reference reference(Path file) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("aubio", "beat", file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("aubio beat " + file.getFileName() + " failed: " + out);
    }
    List<Double> beats = new ArrayList<>();
    for (String line : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      beats.add(Double.parseDouble(line.split("\\s+")[0]));
    }
    List<Double> bpms = new ArrayList<>();
    for (int i = 1; i < beats.size(); i++) {
      double gap = beats.get(i) - beats.get(i - 1);
      if (gap > 0) {
        bpms.add(60 / gap);
      }
    }
    if (bpms.isEmpty()) {
      return new Reference(0, 0);
    }
    double mean = bpms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double[] sorted = bpms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    return new Reference(median, mean);
  }

  /**
   * aubio's tempo of a recording: the median beat interval's, and what {@code aubio tempo} says.
   */
  record Reference(double median, double mean) {}
}
