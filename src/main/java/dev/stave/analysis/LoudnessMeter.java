package dev.stave.analysis;

import java.util.Arrays;

/**
 * Integrated loudness per ITU-R BS.1770-4 (the measure of EBU R128 and of ffmpeg's {@code ebur128}
 * filter): each channel K-weighted (a high shelf of +4 dB above about 1.5 kHz, then a high-pass at
 * 38 Hz, designed for the actual sample rate as libebur128 does), mean squares over 400 ms blocks
 * overlapping by 75 %, blocks below −70 LUFS dropped (absolute gate), then blocks more than 10 LU
 * below the mean of the rest dropped (relative gate). Channels are weighted 1.0 (left, right, or
 * the one channel of a mono signal), as for a stereo or mono programme.
 *
 * <p>Fed one sample at a time per channel, so a long track is measured without keeping it; only the
 * mean square of every 100 ms step is kept.
 */
final class LoudnessMeter {
  /** What an empty or silent signal measures, as ebur128 reports it. */
  static final double SILENCE = -70.0;

  private final int channels;
  private final int step;
  private final Biquad[] shelf;
  private final Biquad[] highPass;
  private final double[] sum;
  private int inStep;
  private double[][] steps;
  private int stepCount;

  LoudnessMeter(int sampleRate, int channels) {
    this.channels = channels;
    this.step = Math.max(1, sampleRate / 10);
    this.shelf = new Biquad[channels];
    this.highPass = new Biquad[channels];
    for (int c = 0; c < channels; c++) {
      shelf[c] = Biquad.kShelf(sampleRate);
      highPass[c] = Biquad.kHighPass(sampleRate);
    }
    this.sum = new double[channels];
    this.steps = new double[channels][64];
  }

  /** Adds one sample of every channel (values in −1…1). */
  void add(double[] frame) {
    for (int c = 0; c < channels; c++) {
      double y = highPass[c].filter(shelf[c].filter(frame[c]));
      sum[c] += y * y;
    }
    if (++inStep == step) {
      if (stepCount == steps[0].length) {
        for (int c = 0; c < channels; c++) {
          steps[c] = Arrays.copyOf(steps[c], stepCount * 2);
        }
      }
      for (int c = 0; c < channels; c++) {
        steps[c][stepCount] = sum[c] / step;
        sum[c] = 0;
      }
      stepCount++;
      inStep = 0;
    }
  }

  /**
   * The gated integrated loudness in LUFS of the channels {@code 0 … used-1}; {@link #SILENCE} when
   * no block passes the absolute gate. A signal shorter than one block is measured as one block.
   */
  double integrated(int used) {
    int blocks = stepCount - 3;
    double[] z;
    if (blocks < 1) {
      if (stepCount == 0 && inStep == 0) {
        return SILENCE;
      }
      // Shorter than 400 ms: the whole signal is the one block.
      double total = 0;
      for (int c = 0; c < used; c++) {
        double s = sum[c];
        for (int i = 0; i < stepCount; i++) {
          s += steps[c][i] * step;
        }
        total += s / (stepCount * step + inStep);
      }
      z = new double[] {total};
    } else {
      z = new double[blocks];
      for (int b = 0; b < blocks; b++) {
        double total = 0;
        for (int c = 0; c < used; c++) {
          total += (steps[c][b] + steps[c][b + 1] + steps[c][b + 2] + steps[c][b + 3]) / 4.0;
        }
        z[b] = total;
      }
    }
    double absolute = meanAbove(z, power(SILENCE));
    if (Double.isNaN(absolute)) {
      return SILENCE;
    }
    double relative = meanAbove(z, absolute * Math.pow(10, -10 / 10.0));
    return lufs(relative);
  }

  private static double meanAbove(double[] z, double gate) {
    double s = 0;
    int n = 0;
    for (double v : z) {
      if (v > gate) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static double lufs(double meanSquare) {
    return -0.691 + 10 * Math.log10(meanSquare);
  }

  private static double power(double lufs) {
    return Math.pow(10, (lufs + 0.691) / 10);
  }

  /** A second-order IIR section (direct form I). */
  static final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    Biquad(double b0, double b1, double b2, double a1, double a2) {
      this.b0 = b0;
      this.b1 = b1;
      this.b2 = b2;
      this.a1 = a1;
      this.a2 = a2;
    }

    double filter(double x) {
      double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      return y;
    }

    /** BS.1770's pre-filter (the head's acoustic effect), for any sample rate. */
    static Biquad kShelf(double fs) {
      double f0 = 1681.974450955533;
      double gain = 3.999843853973347;
      double q = 0.7071752369554196;
      double k = Math.tan(Math.PI * f0 / fs);
      double vh = Math.pow(10, gain / 20);
      double vb = Math.pow(vh, 0.4996667741545416);
      double a0 = 1 + k / q + k * k;
      return new Biquad(
          (vh + vb * k / q + k * k) / a0,
          2 * (k * k - vh) / a0,
          (vh - vb * k / q + k * k) / a0,
          2 * (k * k - 1) / a0,
          (1 - k / q + k * k) / a0);
    }

    /** BS.1770's RLB weighting (a high-pass near 38 Hz), for any sample rate. */
    static Biquad kHighPass(double fs) {
      double f0 = 38.13547087602444;
      double q = 0.5003270373238773;
      double k = Math.tan(Math.PI * f0 / fs);
      double a0 = 1 + k / q + k * k;
      return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }
  }
}
