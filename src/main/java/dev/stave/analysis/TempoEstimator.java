package dev.stave.analysis;

/**
 * Tempo from the onset-strength envelope (spectral flux, {@link Frames#flux}) by autocorrelation.
 *
 * <p>The envelope, less its mean, is autocorrelated (normalised so lag 0 is 1). Every candidate
 * tempo from {@value #MIN_BPM} to {@value #MAX_BPM} BPM in steps of 0.02 is scored on the beat
 * period and two of its multiples, {@code r(L) + r(2L)/2 + r(4L)/4} (cubic interpolation between
 * lags, so the longer lags refine the period well below one frame), weighted by a log-normal
 * preference centred on 120 BPM with a one-octave deviation. Octave checks follow: a candidate
 * whose own period barely correlates (under 35 %) compared with its double is halved; one whose
 * half period correlates nearly as strongly (≥ 70 %) as its period is an evenly accented faster
 * pulse and is doubled while that stays at or below {@value #DOUBLE_UP_TO} BPM. A final search
 * without the preference refines the value within ±3 %. The correlation at the chosen period is the
 * pulse clarity; below {@value #MIN_CLARITY} there is no stable beat and the tempo is 0.
 */
final class TempoEstimator {
  static final double MIN_BPM = 40;
  static final double MAX_BPM = 220;
  static final double DOUBLE_UP_TO = 210;
  static final double MIN_CLARITY = 0.1;

  /**
   * Below this standard deviation of the onset envelope nothing starts: a steady tone's envelope
   * only ripples (about 0.0006), where one click per second gives about 2 and white noise 0.6.
   */
  static final double MIN_ONSET_DEVIATION = 0.05;

  /** The estimate: BPM (0 when no stable beat) and the pulse clarity 0…1. */
  record Tempo(double bpm, double clarity) {}

  private TempoEstimator() {}

  static Tempo estimate(double[] flux, double fps) {
    int n = flux.length;
    double mean = 0;
    for (double v : flux) {
      mean += v;
    }
    mean /= Math.max(1, n);
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = flux[i] - mean;
    }
    int maxLag = Math.min(n - 1, (int) Math.ceil(4 * 60 * fps / MIN_BPM) + 2);
    if (maxLag < 2) {
      return new Tempo(0, 0);
    }
    double[] r = new double[maxLag + 1];
    for (int lag = 0; lag <= maxLag; lag++) {
      double s = 0;
      for (int t = 0; t + lag < n; t++) {
        s += e[t] * e[t + lag];
      }
      r[lag] = s / (n - lag);
    }
    if (Math.sqrt(r[0]) < MIN_ONSET_DEVIATION) {
      return new Tempo(0, 0);
    }
    double r0 = r[0];
    for (int lag = 0; lag <= maxLag; lag++) {
      r[lag] /= r0;
    }
    Acf acf = new Acf(r, fps);
    double best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (double bpm = MIN_BPM; bpm <= MAX_BPM; bpm += 0.02) {
      double octaves = Math.log(bpm / 120) / Math.log(2);
      double s = acf.score(bpm) * Math.exp(-0.5 * octaves * octaves);
      if (s > bestScore) {
        bestScore = s;
        best = bpm;
      }
    }
    if (best / 2 >= MIN_BPM && acf.at(best) < 0.35 * acf.at(best / 2)) {
      best /= 2;
    }
    while (best * 2 <= DOUBLE_UP_TO && acf.at(best) > 0 && acf.at(best * 2) >= 0.7 * acf.at(best)) {
      best *= 2;
    }
    double refined = best;
    double refinedScore = Double.NEGATIVE_INFINITY;
    for (double bpm = best * 0.97; bpm <= best * 1.03; bpm += 0.01) {
      double s = acf.score(bpm);
      if (s > refinedScore) {
        refinedScore = s;
        refined = bpm;
      }
    }
    double clarity = Math.max(0, Math.min(1, acf.at(refined)));
    // The envelope's frames overlap four to one: about n/4 independent values, whose chance
    // correlation at the best of many lags reaches a few standard errors.
    double chance = 2.5 / Math.sqrt(Math.max(1, n / 4.0));
    return new Tempo(clarity < Math.max(MIN_CLARITY, chance) ? 0 : refined, clarity);
  }

  /** The normalised autocorrelation, read at a tempo's beat period. */
  private static final class Acf {
    private final double[] r;
    private final double fps;

    Acf(double[] r, double fps) {
      this.r = r;
      this.fps = fps;
    }

    /** r at the period of {@code bpm}, interpolated (Catmull–Rom); 0 beyond the computed lags. */
    double at(double bpm) {
      double lag = 60 * fps / bpm;
      int i = (int) lag;
      if (i < 1 || i + 2 >= r.length) {
        return 0;
      }
      double t = lag - i;
      double p0 = r[i - 1];
      double p1 = r[i];
      double p2 = r[i + 1];
      double p3 = r[i + 2];
      return p1
          + 0.5
              * t
              * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
    }

    double score(double bpm) {
      return at(bpm) + 0.5 * at(bpm / 2) + 0.25 * at(bpm / 4);
    }
  }
}
