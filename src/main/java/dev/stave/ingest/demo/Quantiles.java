package dev.stave.ingest.demo;

/**
 * An empirical distribution given by its percentiles (101 values, 0th to 100th). Sampling maps a
 * uniform number through the piecewise-linear inverse CDF, which reproduces point masses (such as
 * the many tracks with instrumentalness 0) as well as the tails.
 */
final class Quantiles {
  private final double[] values;

  Quantiles(double[] values) {
    if (values.length < 2) {
      throw new IllegalArgumentException("need at least two quantiles");
    }
    this.values = values.clone();
  }

  /** The value at cumulative probability {@code u} in [0, 1]. */
  double at(double u) {
    double pos = Math.min(Math.max(u, 0), 1) * (values.length - 1);
    int i = (int) pos;
    if (i >= values.length - 1) {
      return values[values.length - 1];
    }
    double frac = pos - i;
    return values[i] + frac * (values[i + 1] - values[i]);
  }
}
