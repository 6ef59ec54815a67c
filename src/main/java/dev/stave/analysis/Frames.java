package dev.stave.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One short-time Fourier pass over the mono signal (Hann window of {@value #SIZE} samples, hop
 * {@value #HOP}: 93 ms and 23 ms at 22,050 Hz) and what every frame yields: level, zero-crossing
 * rate, spectral centroid, roll-off and flatness, the energy of a few bands, and the spectral flux
 * that makes the onset-strength envelope.
 */
final class Frames {
  static final int SIZE = 2048;
  static final int HOP = 512;

  /** Powers multiplied before one logarithm is taken (flatness): see the loop. */
  private static final int LOG_RUN = 16;

  /** Below this a frame counts as digital silence (−100 dBFS). */
  private static final double SILENT_POWER = 1e-10;

  final int count;
  final double fps;

  /** Frame level in dBFS (RMS of the unwindowed frame). */
  final double[] levelDb;

  /** Zero crossings per sample. */
  final double[] zcr;

  /** Spectral centroid in Hz. */
  final double[] centroid;

  /** Frequency below which 85 % of the power lies, Hz. */
  final double[] rolloff;

  /** Spectral flatness (geometric over arithmetic mean of power), 100 Hz…8 kHz, 0…1. */
  final double[] flatness;

  /**
   * Onset strength: the half-wave rectified increase of log-compressed magnitudes in quarter-octave
   * bands ({@link #bands}).
   */
  final double[] flux;

  /** Power below 100 Hz, 300–3400 Hz (the speech band) and above 5 kHz, each over all power. */
  final double[] subBass;

  final double[] speechBandDb;
  final double[] high;

  Frames(float[] x, int sampleRate) {
    count = x.length <= SIZE ? 1 : 1 + (x.length - SIZE) / HOP;
    fps = sampleRate / (double) HOP;
    levelDb = new double[count];
    zcr = new double[count];
    centroid = new double[count];
    rolloff = new double[count];
    flatness = new double[count];
    flux = new double[count];
    subBass = new double[count];
    speechBandDb = new double[count];
    high = new double[count];

    double[] window = Windows.hann(SIZE);
    double norm = SIZE / 4.0; // a full-scale sine peaks near 1 after this
    DoubleFFT_1D fft = new DoubleFFT_1D(SIZE);
    double[] buf = new double[SIZE];
    int bins = SIZE / 2 + 1;
    double[] power = new double[bins];
    double hzPerBin = sampleRate / (double) SIZE;
    int[] bandOf = bands(bins, hzPerBin);
    int bandCount = bandOf[bins - 1] + 1;
    double[] bandPower = new double[bandCount];
    double[] logMag = new double[bandCount];
    double[] prevLogMag = new double[bandCount];
    int flatLo = Math.max(1, (int) Math.ceil(100 / hzPerBin));
    int flatHi = Math.min(bins - 1, (int) (8000 / hzPerBin));
    int sub = (int) (100 / hzPerBin);
    int speechLo = (int) Math.ceil(300 / hzPerBin);
    int speechHi = Math.min(bins - 1, (int) (3400 / hzPerBin));
    int highLo = Math.min(bins - 1, (int) Math.ceil(5000 / hzPerBin));

    for (int f = 0; f < count; f++) {
      int start = f * HOP;
      double sumSq = 0;
      int crossings = 0;
      float prev = 0;
      for (int i = 0; i < SIZE; i++) {
        float v = start + i < x.length ? x[start + i] : 0f;
        sumSq += v * (double) v;
        if (i > 0 && (v >= 0) != (prev >= 0)) {
          crossings++;
        }
        prev = v;
        buf[i] = v * window[i];
      }
      levelDb[f] = 10 * Math.log10(Math.max(sumSq / SIZE, SILENT_POWER));
      zcr[f] = crossings / (double) SIZE;
      fft.realForward(buf);
      double total = 0;
      double weighted = 0;
      for (int k = 0; k < bins; k++) {
        double re;
        double im;
        if (k == 0) {
          re = buf[0];
          im = 0;
        } else if (k == SIZE / 2) {
          re = buf[1];
          im = 0;
        } else {
          re = buf[2 * k];
          im = buf[2 * k + 1];
        }
        double mag = Math.sqrt(re * re + im * im) / norm;
        power[k] = mag * mag;
        total += power[k];
        weighted += power[k] * k * hzPerBin;
      }
      java.util.Arrays.fill(bandPower, 0);
      for (int k = 1; k < bins; k++) {
        bandPower[bandOf[k]] += power[k];
      }
      for (int b = 0; b < bandCount; b++) {
        logMag[b] = Math.log1p(100 * Math.sqrt(bandPower[b]));
      }
      double rise = 0;
      for (int k = 0; k < bandCount; k++) {
        double d = logMag[k] - prevLogMag[k];
        if (d > 0) {
          rise += d;
        }
      }
      flux[f] = f == 0 ? 0 : rise;
      double[] swap = prevLogMag;
      prevLogMag = logMag;
      logMag = swap;

      if (total <= SILENT_POWER) {
        centroid[f] = 0;
        rolloff[f] = 0;
        flatness[f] = 0;
        speechBandDb[f] = -100;
        continue;
      }
      centroid[f] = weighted / total;
      double cumulative = 0;
      int k85 = bins - 1;
      for (int k = 0; k < bins; k++) {
        cumulative += power[k];
        if (cumulative >= 0.85 * total) {
          k85 = k;
          break;
        }
      }
      rolloff[f] = k85 * hzPerBin;
      // The sum of the logs as the log of products of LOG_RUN powers (each in 1e-12…~4, so a
      // product stays far inside a double's range): one Math.log per 16 bins instead of per bin,
      // which was a tenth of an analysis' CPU (issue 15 item 6); the result differs in the last
      // digits only.
      double logSum = 0;
      double sum = 0;
      double product = 1;
      for (int k = flatLo, run = 0; k <= flatHi; k++) {
        double p = power[k] + 1e-12;
        product *= p;
        sum += p;
        if (++run == LOG_RUN) {
          logSum += Math.log(product);
          product = 1;
          run = 0;
        }
      }
      logSum += Math.log(product);
      int n = flatHi - flatLo + 1;
      flatness[f] = Math.exp(logSum / n) / (sum / n);
      subBass[f] = bandSum(power, 1, sub) / total;
      speechBandDb[f] = 10 * Math.log10(Math.max(bandSum(power, speechLo, speechHi), 1e-10));
      high[f] = bandSum(power, highLo, bins - 1) / total;
    }
  }

  /**
   * Bands of a quarter octave from 30 Hz up (bins below 30 Hz join the first), each at least one
   * bin wide: the band index of every bin. Flux summed over bands rather than bins weighs a kick
   * drum like a hi-hat, where hundreds of treble bins would outvote the few bass bins.
   */
  static int[] bands(int bins, double hzPerBin) {
    int[] bandOf = new int[bins];
    int band = 0;
    double upper = 30 * Math.pow(2, 0.25);
    int inBand = 0;
    for (int k = 0; k < bins; k++) {
      double hz = k * hzPerBin;
      if (hz >= upper && inBand > 0) {
        band++;
        inBand = 0;
        while (upper <= hz) {
          upper *= Math.pow(2, 0.25);
        }
      }
      bandOf[k] = band;
      inBand++;
    }
    return bandOf;
  }

  private static double bandSum(double[] power, int lo, int hi) {
    double s = 0;
    for (int k = lo; k <= hi; k++) {
      s += power[k];
    }
    return s;
  }
}
