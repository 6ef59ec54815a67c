package dev.stave.analysis;

import dev.stave.catalog.AudioFeatures;

/**
 * What one analysis yields: the features, the length analysed, and the two confidences behind tempo
 * and key. (Waveform peaks are the scan's, {@code dev.stave.audio.Waveforms}.)
 */
public final class Analysis {
  private final AudioFeatures features;
  private final double seconds;
  private final double tempoClarity;
  private final double keyStrength;
  private final FeatureExtractor.Cues cues;

  Analysis(
      AudioFeatures features,
      double seconds,
      double tempoClarity,
      double keyStrength,
      FeatureExtractor.Cues cues) {
    this.features = features;
    this.seconds = seconds;
    this.tempoClarity = tempoClarity;
    this.keyStrength = keyStrength;
    this.cues = cues;
  }

  public AudioFeatures features() {
    return features;
  }

  public double seconds() {
    return seconds;
  }

  /** Normalised autocorrelation of the onset envelope at the beat period, 0…1. */
  public double tempoClarity() {
    return tempoClarity;
  }

  /** Correlation of the chroma with the winning key profile, −1…1. */
  public double keyStrength() {
    return keyStrength;
  }

  /** The descriptors the heuristics were computed from, for calibration and reports. */
  public String cues() {
    return cues.toString();
  }
}
