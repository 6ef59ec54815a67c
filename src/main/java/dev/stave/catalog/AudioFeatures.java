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

  public static final AudioFeatures NONE = builder().build();

  /**
   * Features built by name: eleven components of two types in a row are too easy to swap when given
   * by position. Components not set are null (unknown).
   */
  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** See {@link #builder()}. */
  public static final class Builder {
    private Double acousticness;
    private Double danceability;
    private Double energy;
    private Double instrumentalness;
    private Integer key;
    private Double liveness;
    private Double loudness;
    private Integer mode;
    private Double speechiness;
    private Double tempo;
    private Double valence;

    private Builder() {}

    public Builder acousticness(Double acousticness) {
      this.acousticness = acousticness;
      return this;
    }

    public Builder danceability(Double danceability) {
      this.danceability = danceability;
      return this;
    }

    public Builder energy(Double energy) {
      this.energy = energy;
      return this;
    }

    public Builder instrumentalness(Double instrumentalness) {
      this.instrumentalness = instrumentalness;
      return this;
    }

    public Builder key(Integer key) {
      this.key = key;
      return this;
    }

    public Builder liveness(Double liveness) {
      this.liveness = liveness;
      return this;
    }

    public Builder loudness(Double loudness) {
      this.loudness = loudness;
      return this;
    }

    public Builder mode(Integer mode) {
      this.mode = mode;
      return this;
    }

    public Builder speechiness(Double speechiness) {
      this.speechiness = speechiness;
      return this;
    }

    public Builder tempo(Double tempo) {
      this.tempo = tempo;
      return this;
    }

    public Builder valence(Double valence) {
      this.valence = valence;
      return this;
    }

    public AudioFeatures build() {
      return new AudioFeatures(
          acousticness,
          danceability,
          energy,
          instrumentalness,
          key,
          liveness,
          loudness,
          mode,
          speechiness,
          tempo,
          valence);
    }
  }
}
