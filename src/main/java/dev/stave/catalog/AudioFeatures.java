package dev.stave.catalog;

/**
 * Spotify-style audio features. Every value may be null when unknown. Ranges: the ratios are 0…1,
 * key −1…11 (−1 = no key detected), mode 0 (minor) or 1 (major), loudness in dB (about −60…0),
 * tempo in BPM.
 */
public record AudioFeatures(
    Double acousticness,
    Double danceability,
    Double energy,
    Double instrumentalness,
    Integer key,
    Double liveness,
    Double loudness,
    Integer mode,
    Double speechiness,
    Double tempo,
    Double valence) {

  public static final AudioFeatures NONE =
      new AudioFeatures(null, null, null, null, null, null, null, null, null, null, null);

  public boolean isEmpty() {
    return equals(NONE);
  }
}
