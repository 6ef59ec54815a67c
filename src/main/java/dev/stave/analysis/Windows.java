package dev.stave.analysis;

/** Analysis windows. */
final class Windows {
  private Windows() {}

  /** A periodic Hann window of {@code n} points. */
  static double[] hann(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }
    return w;
  }
}
