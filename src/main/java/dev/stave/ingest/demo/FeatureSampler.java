package dev.stave.ingest.demo;

import dev.stave.catalog.AudioFeatures;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws Spotify-style audio features with the marginals and the rank correlations of the reference
 * data (a Gaussian copula): correlated standard normals {@code L·z} (L the Cholesky factor of the
 * normal-score correlation) are mapped through the normal CDF to uniforms and then through each
 * feature's empirical quantiles. So energy and loudness rise together and acoustic tracks are
 * quieter, as in real catalogs, while each feature keeps its own shape.
 */
final class FeatureSampler {
  private final List<String> names;
  private final Quantiles[] quantiles;
  private final double[][] cholesky;
  private final WeightedChoice<Integer> keys;
  private final double majorShare;
  private final int acousticness;
  private final int danceability;
  private final int energy;
  private final int instrumentalness;
  private final int liveness;
  private final int loudness;
  private final int speechiness;
  private final int tempo;
  private final int valence;

  FeatureSampler(Distributions d) {
    names = d.featureNames();
    quantiles = names.stream().map(d.featureQuantiles()::get).toArray(Quantiles[]::new);
    cholesky = cholesky(d.normalScoreCorrelation());
    keys =
        new WeightedChoice<>(
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), d.keyFrequency().clone());
    majorShare = d.majorModeShare();
    acousticness = index("acousticness");
    danceability = index("danceability");
    energy = index("energy");
    instrumentalness = index("instrumentalness");
    liveness = index("liveness");
    loudness = index("loudness");
    speechiness = index("speechiness");
    tempo = index("tempo");
    valence = index("valence");
  }

  private int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("distributions lack feature " + name);
    }
    return i;
  }

  AudioFeatures next(RandomGenerator rng) {
    int n = names.size();
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = Gaussians.next(rng);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double x = 0;
      double[] row = cholesky[i];
      for (int k = 0; k <= i; k++) {
        x += row[k] * z[k];
      }
      v[i] = quantiles[i].at(normalCdf(x));
    }
    return new AudioFeatures(
        round(v[acousticness], 4),
        round(v[danceability], 3),
        round(v[energy], 3),
        round(v[instrumentalness], 5),
        keys.next(rng),
        round(v[liveness], 4),
        round(v[loudness], 3),
        rng.nextDouble() < majorShare ? 1 : 0,
        round(v[speechiness], 4),
        round(v[tempo], 3),
        round(v[valence], 3));
  }

  /** Rounded like the reference data so that stored values look like measured ones. */
  private static double round(double value, int decimals) {
    double scale = StrictMath.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** Lower-triangular L with L·Lᵀ = m; m must be symmetric positive definite. */
  static double[][] cholesky(double[][] m) {
    int n = m.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            throw new IllegalArgumentException("correlation matrix is not positive definite");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  /** Standard normal CDF via erf (Abramowitz and Stegun 7.1.26, absolute error < 1.5e-7). */
  static double normalCdf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
    double y =
        1
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592)
                * t
                * StrictMath.exp(-x * x / 2);
    return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
  }
}
