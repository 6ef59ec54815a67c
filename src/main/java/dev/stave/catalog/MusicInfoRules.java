package dev.stave.catalog;

/**
 * Derives Jamendo's musicinfo labels from audio features, the way the design asks the whole server
 * to (one analysis feeds both dialects). Thresholds: instrumentalness above 0.5 is Spotify's own
 * reading of "instrumental"; acousticness above 0.5 likewise; the tempo bands split the usual
 * 60–180 BPM range into five.
 */
public final class MusicInfoRules {
  public static final double INSTRUMENTAL_ABOVE = 0.5;
  public static final double ACOUSTIC_ABOVE = 0.5;

  private MusicInfoRules() {}

  public static String vocalInstrumental(AudioFeatures f) {
    return f.instrumentalness() != null && f.instrumentalness() > INSTRUMENTAL_ABOVE
        ? "instrumental"
        : "vocal";
  }

  public static String acousticElectric(AudioFeatures f) {
    return f.acousticness() != null && f.acousticness() > ACOUSTIC_ABOVE ? "acoustic" : "electric";
  }

  /** verylow &lt; 75 ≤ low &lt; 100 ≤ medium &lt; 125 ≤ high &lt; 150 ≤ veryhigh (BPM). */
  public static String speed(double tempo) {
    if (tempo < 75) {
      return "verylow";
    }
    if (tempo < 100) {
      return "low";
    }
    if (tempo < 125) {
      return "medium";
    }
    if (tempo < 150) {
      return "high";
    }
    return "veryhigh";
  }
}
