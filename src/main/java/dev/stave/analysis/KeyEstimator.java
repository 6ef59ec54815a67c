package dev.stave.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Key and mode by chroma and the Krumhansl–Kessler key profiles (Krumhansl–Schmuckler algorithm).
 *
 * <p>A second short-time Fourier pass with a long window ({@value #SIZE} samples, 0.37 s at 22,050
 * Hz, so that neighbouring semitones are resolved down to about 100 Hz) finds the spectral peaks
 * between 65 Hz and 2.1 kHz; each peak adds its magnitude to the pitch class of its nearest
 * equal-tempered semitone (A = 440 Hz). Each frame's chroma is normalised to sum 1 (so that loud
 * passages do not outvote quiet ones) and the frames are summed. The key is the best of the 24
 * Pearson correlations between the chroma and the rotated major and minor profiles; when the best
 * correlation is under {@value #MIN_STRENGTH} (noise, drums, speech, silence, or a single pitch,
 * which correlates about 0.69 with the profile of its own key) there is no key: −1.
 */
final class KeyEstimator {
  static final int SIZE = 8192;
  static final int HOP = 4096;
  static final double MIN_STRENGTH = 0.72;

  private static final double[] MAJOR = {
    6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88
  };
  private static final double[] MINOR = {
    6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17
  };

  /** Pitch class 0 (C) … 11 (B) or −1, mode 1 major / 0 minor, and the winning correlation. */
  record Key(int key, int mode, double strength) {}

  private KeyEstimator() {}

  static Key estimate(float[] x, int sampleRate) {
    double[] chroma = chroma(x, sampleRate);
    double total = 0;
    for (double c : chroma) {
      total += c;
    }
    if (total <= 0) {
      return new Key(-1, 1, 0);
    }
    int bestKey = -1;
    int bestMode = 1;
    double best = Double.NEGATIVE_INFINITY;
    for (int mode = 1; mode >= 0; mode--) {
      double[] profile = mode == 1 ? MAJOR : MINOR;
      for (int tonic = 0; tonic < 12; tonic++) {
        double r = correlation(chroma, profile, tonic);
        if (r > best) {
          best = r;
          bestKey = tonic;
          bestMode = mode;
        }
      }
    }
    if (best < MIN_STRENGTH) {
      return new Key(-1, bestMode, Math.max(0, best));
    }
    return new Key(bestKey, bestMode, best);
  }

  static double[] chroma(float[] x, int sampleRate) {
    double[] chroma = new double[12];
    double[] window = Windows.hann(SIZE);
    DoubleFFT_1D fft = new DoubleFFT_1D(SIZE);
    double[] buf = new double[SIZE];
    int bins = SIZE / 2;
    double[] mag = new double[bins];
    double hzPerBin = sampleRate / (double) SIZE;
    int lo = Math.max(2, (int) Math.ceil(65 / hzPerBin));
    int hi = Math.min(bins - 2, (int) (2100 / hzPerBin));
    int[] pitchClass = new int[bins];
    for (int k = lo; k <= hi; k++) {
      double midi = 69 + 12 * Math.log(k * hzPerBin / 440) / Math.log(2);
      pitchClass[k] = Math.floorMod((int) Math.round(midi), 12);
    }
    int frames = x.length <= SIZE ? 1 : 1 + (x.length - SIZE) / HOP;
    double[] frame = new double[12];
    for (int f = 0; f < frames; f++) {
      int start = f * HOP;
      for (int i = 0; i < SIZE; i++) {
        buf[i] = start + i < x.length ? x[start + i] * window[i] : 0;
      }
      fft.realForward(buf);
      // Only the bins the peak picking reads (lo - 1 … hi + 1, 65 Hz to 2.1 kHz: a fifth of
      // them): hypot on every bin was 8 % of an analysis' CPU (issue 15 item 6).
      for (int k = lo - 1; k <= hi + 1; k++) {
        mag[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
      }
      java.util.Arrays.fill(frame, 0);
      double sum = 0;
      double floor = 1e-4 * SIZE / 4; // −80 dBFS: ignore dither and codec noise
      for (int k = lo; k <= hi; k++) {
        if (mag[k] > floor && mag[k] > mag[k - 1] && mag[k] >= mag[k + 1]) {
          frame[pitchClass[k]] += mag[k];
          sum += mag[k];
        }
      }
      if (sum > 0) {
        for (int p = 0; p < 12; p++) {
          chroma[p] += frame[p] / sum;
        }
      }
    }
    return chroma;
  }

  private static double correlation(double[] chroma, double[] profile, int tonic) {
    double mc = 0;
    double mp = 0;
    for (int i = 0; i < 12; i++) {
      mc += chroma[i];
      mp += profile[i];
    }
    mc /= 12;
    mp /= 12;
    double num = 0;
    double dc = 0;
    double dp = 0;
    for (int i = 0; i < 12; i++) {
      double c = chroma[(i + tonic) % 12] - mc;
      double p = profile[i] - mp;
      num += c * p;
      dc += c * c;
      dp += p * p;
    }
    return dc == 0 || dp == 0 ? 0 : num / Math.sqrt(dc * dp);
  }
}
