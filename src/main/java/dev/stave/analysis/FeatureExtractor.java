package dev.stave.analysis;

import dev.stave.catalog.AudioFeatures;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Computes every feature of a {@link Signal} in one pass of {@link Frames} and one of {@link
 * KeyEstimator}. Tempo, key, mode and loudness are measurements; the seven ratios are documented
 * heuristics (docs/analysis.md) built from the same frame descriptors, each a weighted blend of
 * cues mapped linearly onto 0…1 between two calibration points ({@link #ramp}):
 *
 * <ul>
 *   <li><b>energy</b>: loudness (−35…−5 LUFS) 0.5, spectral flatness (noisiness, 0.02…0.3) 0.2,
 *       onset rate (0.5…6 /s) 0.15, spectral centroid (brightness, 500…3,500 Hz) 0.15.
 *   <li><b>danceability</b>: pulse clarity (0.1…0.6) 0.55, tempo fit (1 for 95–135 BPM, falling to
 *       0 an octave away) 0.3, onset rate (1…5 /s) 0.15; no beat means at most 0.15.
 *   <li><b>speechiness</b>: syllable-rate modulation (the share of 3–8 Hz in the modulation
 *       spectrum of the speech band's level, 0.2…0.55) 0.35, pauses (share of frames 20 dB under
 *       the loud level, 0.05…0.3) 0.25, timbre change (standard deviation of log2 centroid, 0.3…1.0
 *       octave) 0.2, absence of tonality (1 − key strength) 0.2, then mapped 0.2…0.7 onto 0…1.
 *   <li><b>instrumentalness</b>: 1 − the voice cue (speechiness' raw blend mapped 0.25…0.45), so
 *       speech and rap read as vocal; sung vocals in a dense mix are mostly missed (documented).
 *   <li><b>acousticness</b>: 1 − an "electric" blend: small dynamic range (p95 − p10 frame level,
 *       20…6 dB) 0.4, sub-bass share (under 100 Hz, 0.05…0.3) 0.3, flatness (0.05…0.3) 0.3.
 *   <li><b>liveness</b>: 0.05 + 0.8 × (noise floor flatness — the flatness of the quietest tenth of
 *       frames, 0.2…0.6) × (how little the quiet frames fall under the median level, 25…8 dB).
 *   <li><b>valence</b>: mode (major 1, minor 0, no key 0.5) 0.3, tempo (70…160 BPM) 0.25,
 *       brightness (800…3,000 Hz) 0.25, energy 0.2.
 * </ul>
 *
 * Every value is rounded to 4 decimals. Pure and deterministic: the same samples always give the
 * same features.
 */
public final class FeatureExtractor {

  private FeatureExtractor() {}

  public static Analysis analyze(Signal signal) {
    float[] x = signal.mono();
    int sr = signal.sampleRate();
    Frames frames = new Frames(x, sr);
    TempoEstimator.Tempo tempo = TempoEstimator.estimate(frames.flux, frames.fps);
    KeyEstimator.Key key = KeyEstimator.estimate(x, sr);
    double loudness = Math.max(-60, signal.loudness());

    double[] level = frames.levelDb;
    double loudLevel = percentile(level, 0.9);
    boolean[] active = new boolean[frames.count];
    int activeCount = 0;
    for (int f = 0; f < frames.count; f++) {
      active[f] = level[f] > Math.max(-70, loudLevel - 40);
      if (active[f]) {
        activeCount++;
      }
    }
    double seconds = Math.max(x.length / (double) sr, 1e-3);
    if (activeCount == 0) {
      Cues none = new Cues(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      return build(signal, tempo, key, loudness, none);
    }
    double flatness = mean(frames.flatness, active);
    double centroid = mean(frames.centroid, active);
    double subBass = mean(frames.subBass, active);
    double[] activeLevels = select(level, active);
    double dynamicRange = percentile(activeLevels, 0.95) - percentile(activeLevels, 0.10);
    double onsetRate = onsets(frames.flux) / seconds;
    double pauses = 0;
    for (double l : level) {
      if (l < loudLevel - 20) {
        pauses++;
      }
    }
    pauses /= frames.count;
    double[] logCentroid = new double[activeCount];
    int j = 0;
    for (int f = 0; f < frames.count; f++) {
      if (active[f]) {
        logCentroid[j++] = Math.log(Math.max(frames.centroid[f], 20)) / Math.log(2);
      }
    }
    double centroidSpread = std(logCentroid);
    double modulation = syllableModulation(frames.speechBandDb, frames.fps);
    double[] quietFlatness = new double[frames.count];
    double quietLevel = percentile(level, 0.10);
    int quietCount = 0;
    for (int f = 0; f < frames.count; f++) {
      if (level[f] <= quietLevel && level[f] > -90) {
        quietFlatness[quietCount++] = frames.flatness[f];
      }
    }
    double floorFlatness =
        quietCount == 0 ? 0 : mean(Arrays.copyOf(quietFlatness, quietCount), null);
    double floorGap = percentile(level, 0.5) - quietLevel;
    Cues cues =
        new Cues(
            flatness,
            centroid,
            subBass,
            dynamicRange,
            onsetRate,
            pauses,
            centroidSpread,
            modulation,
            floorFlatness,
            floorGap,
            key.strength());
    return build(signal, tempo, key, loudness, cues);
  }

  /** The frame descriptors the heuristics read (means over the active frames). */
  record Cues(
      double flatness,
      double centroid,
      double subBass,
      double dynamicRange,
      double onsetRate,
      double pauses,
      double centroidSpread,
      double modulation,
      double floorFlatness,
      double floorGap,
      double keyStrength) {}

  private static Analysis build(
      Signal signal, TempoEstimator.Tempo tempo, KeyEstimator.Key key, double loudness, Cues c) {
    boolean silent = c.centroid() == 0;
    double energy =
        silent
            ? 0
            : 0.5 * ramp(loudness, -35, -5)
                + 0.2 * ramp(c.flatness(), 0.02, 0.3)
                + 0.15 * ramp(c.onsetRate(), 0.5, 6)
                + 0.15 * ramp(c.centroid(), 500, 3500);
    double tempoFit = tempo.bpm() <= 0 ? 0 : tempoFit(tempo.bpm());
    double danceability =
        tempo.bpm() <= 0
            ? 0.15 * ramp(c.onsetRate(), 1, 5)
            : 0.55 * ramp(tempo.clarity(), 0.1, 0.6)
                + 0.3 * tempoFit
                + 0.15 * ramp(c.onsetRate(), 1, 5);
    double voice =
        silent
            ? 0
            : (0.3 * ramp(c.modulation(), 0.2, 0.55)
                    + 0.3 * ramp(c.pauses(), 0.05, 0.3)
                    + 0.25 * ramp(c.centroidSpread(), 0.3, 1.0)
                    + 0.15 * (1 - Math.max(0, Math.min(1, c.keyStrength()))))
                * (1 - ramp(tempo.clarity(), 0.25, 0.5));
    double speechiness = ramp(voice, 0.15, 0.6);
    double instrumentalness = silent ? 0 : 1 - ramp(voice, 0.25, 0.45);
    double electric =
        0.6 * (1 - ramp(c.dynamicRange(), 3, 15))
            + 0.2 * ramp(c.subBass(), 0.05, 0.3)
            + 0.2 * ramp(c.flatness(), 0.05, 0.3);
    double acousticness = silent ? 0 : ramp(1 - electric, 0.35, 0.85);
    double liveness =
        silent
            ? 0
            : 0.05 + 0.8 * ramp(c.floorFlatness(), 0.03, 0.3) * (1 - ramp(c.floorGap(), 6, 15));
    double modeValue = key.key() < 0 ? 0.5 : key.mode();
    double valence =
        silent
            ? 0
            : 0.3 * modeValue
                + 0.25 * ramp(tempo.bpm(), 70, 160)
                + 0.25 * ramp(c.centroid(), 800, 3000)
                + 0.2 * energy;
    AudioFeatures features =
        new AudioFeatures(
            round(clamp(acousticness)),
            round(clamp(danceability)),
            round(clamp(energy)),
            round(clamp(instrumentalness)),
            key.key(),
            round(clamp(liveness)),
            round(loudness),
            key.mode(),
            round(clamp(speechiness)),
            round(tempo.bpm()),
            round(clamp(valence)));
    return new Analysis(features, signal.seconds(), tempo.clarity(), key.strength(), c);
  }

  /** 1 for 95–135 BPM, falling linearly in octaves to 0 one octave outside. */
  static double tempoFit(double bpm) {
    double below = Math.log(95 / bpm) / Math.log(2);
    double above = Math.log(bpm / 135) / Math.log(2);
    return 1 - ramp(Math.max(below, above), 0, 1);
  }

  /** 0 at {@code lo} and below, 1 at {@code hi} and above (either order), linear between. */
  static double ramp(double v, double lo, double hi) {
    double t = (v - lo) / (hi - lo);
    return clamp(t);
  }

  /** Features carry 4 decimals, as ReccoBeats gives them for uploads. */
  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }

  /** Peaks of the onset envelope above its mean plus one standard deviation, 70 ms apart. */
  private static int onsets(double[] flux) {
    double m = mean(flux, null);
    double threshold = m + Math.max(std(flux), TempoEstimator.MIN_ONSET_DEVIATION);
    int n = 0;
    int last = -100;
    for (int i = 1; i < flux.length - 1; i++) {
      if (flux[i] > threshold && flux[i] >= flux[i - 1] && flux[i] > flux[i + 1] && i - last >= 3) {
        n++;
        last = i;
      }
    }
    return n;
  }

  /**
   * The share of the 3–8 Hz band (syllables) in the 0.5–20 Hz modulation spectrum of the speech
   * band's level (floored 50 dB under its peak so that silence does not dominate).
   */
  static double syllableModulation(double[] bandDb, double fps) {
    int n = bandDb.length;
    if (n < 16) {
      return 0;
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (double v : bandDb) {
      peak = Math.max(peak, v);
    }
    int size = Integer.highestOneBit(n - 1) << 1;
    double[] buf = new double[size];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      buf[i] = Math.max(bandDb[i], peak - 50);
      mean += buf[i];
    }
    mean /= n;
    for (int i = 0; i < n; i++) {
      buf[i] -= mean;
    }
    new DoubleFFT_1D(size).realForward(buf);
    double hzPerBin = fps / size;
    double syllable = 0;
    double all = 0;
    for (int k = 1; k < size / 2; k++) {
      double hz = k * hzPerBin;
      if (hz < 0.5 || hz > 20) {
        continue;
      }
      double p = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
      all += p;
      if (hz >= 3 && hz <= 8) {
        syllable += p;
      }
    }
    return all == 0 ? 0 : syllable / all;
  }

  private static double mean(double[] v, boolean[] mask) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (mask == null || mask[i]) {
        s += v[i];
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  private static double std(double[] v) {
    double m = mean(v, null);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return v.length == 0 ? 0 : Math.sqrt(s / v.length);
  }

  private static double[] select(double[] v, boolean[] mask) {
    double[] out = new double[v.length];
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (mask[i]) {
        out[n++] = v[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static double percentile(double[] v, double q) {
    if (v.length == 0) {
      return 0;
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
