package dev.stave.search;

import dev.stave.catalog.AudioFeatures;

/**
 * Maps the 11 audio features to a vector whose components all live in 0…1, so that Euclidean
 * distance weighs tempo (≈50…220 BPM) or loudness (−60…0 dB) no more than a ratio feature. Order:
 * acousticness, danceability, energy, instrumentalness, key, liveness, loudness, mode, speechiness,
 * tempo, valence.
 */
public final class FeatureVector {
  public static final int DIMENSIONS = 11;

  private FeatureVector() {}

  /** The vector, or null when any feature is unknown (such tracks are left out of similarity). */
  public static float[] of(AudioFeatures f) {
    if (f == null
        || f.acousticness() == null
        || f.danceability() == null
        || f.energy() == null
        || f.instrumentalness() == null
        || f.key() == null
        || f.liveness() == null
        || f.loudness() == null
        || f.mode() == null
        || f.speechiness() == null
        || f.tempo() == null
        || f.valence() == null) {
      return null;
    }
    return new float[] {
      clamp(f.acousticness()),
      clamp(f.danceability()),
      clamp(f.energy()),
      clamp(f.instrumentalness()),
      clamp((f.key() + 1) / 12.0),
      clamp(f.liveness()),
      clamp((f.loudness() + 60) / 60.0),
      clamp(f.mode()),
      clamp(f.speechiness()),
      clamp(f.tempo() / 250.0),
      clamp(f.valence())
    };
  }

  /**
   * The normalised components of whatever features are known, {@link Float#NaN} for the unknown
   * ones (same order and scaling as {@link #of}); null when {@code f} is null.
   */
  public static float[] partial(AudioFeatures f) {
    if (f == null) {
      return null;
    }
    return new float[] {
      part(f.acousticness(), 0, 1),
      part(f.danceability(), 0, 1),
      part(f.energy(), 0, 1),
      part(f.instrumentalness(), 0, 1),
      part(f.key() == null ? null : f.key().doubleValue(), -1, 12),
      part(f.liveness(), 0, 1),
      part(f.loudness(), -60, 60),
      part(f.mode() == null ? null : f.mode().doubleValue(), 0, 1),
      part(f.speechiness(), 0, 1),
      part(f.tempo(), 0, 250),
      part(f.valence(), 0, 1)
    };
  }

  private static float part(Double v, double offset, double scale) {
    return v == null ? Float.NaN : clamp((v - offset) / scale);
  }

  private static float clamp(double v) {
    return (float) Math.max(0, Math.min(1, v));
  }
}
