package dev.stave.recommend;

import dev.stave.catalog.AudioFeatures;
import dev.stave.search.TrackQuery;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to recommend. Build one with {@link #builder()}; {@link #builder()} defaults: no negative
 * seeds, no targets, feature weight 1, size {@value #DEFAULT_SIZE}, tag share {@value
 * #DEFAULT_TAG_SHARE}, nothing excluded, no filter.
 *
 * @param seeds track ids to resemble, 1…{@value #MAX_SEEDS}, duplicates dropped, order kept
 * @param negativeSeeds track ids to steer away from, 0…{@value #MAX_SEEDS}
 * @param targets audio-feature targets; any subset of the features may be set (values outside their
 *     documented range are clamped); {@link AudioFeatures#NONE} = none
 * @param popularity target popularity 0…100, or null
 * @param featureWeight 1…5: how much the targets weigh against the seeds' profile; each targeted
 *     feature becomes {@code (seedMean + w·target) / (1 + w)}
 * @param size how many recommendations to return, 1…{@value #MAX_SIZE}
 * @param tagShare 0…1: the share of tag and musicinfo similarity in the score where both it and
 *     audio-feature similarity can be measured (the rest is audio features)
 * @param excludeTrackIds tracks never recommended (seeds and negative seeds never are)
 * @param excludeArtistIds tracks by any of these artists are not recommended
 * @param excludeAlbumIds tracks on any of these albums are not recommended
 * @param filter conditions every recommended track meets (its ranking, sort and paging are
 *     ignored), applied inside the candidate searches; null = none
 */
public record RecommendationRequest(
    List<Long> seeds,
    List<Long> negativeSeeds,
    AudioFeatures targets,
    Double popularity,
    double featureWeight,
    int size,
    double tagShare,
    Set<Long> excludeTrackIds,
    Set<Long> excludeArtistIds,
    Set<Long> excludeAlbumIds,
    TrackQuery filter) {

  public static final int MAX_SEEDS = 5;
  public static final int MAX_SIZE = 500;
  public static final int DEFAULT_SIZE = 10;
  public static final double DEFAULT_TAG_SHARE = 0.5;

  public RecommendationRequest {
    seeds = distinct(seeds);
    negativeSeeds = distinct(negativeSeeds);
    if (seeds.isEmpty() || seeds.size() > MAX_SEEDS) {
      throw new IllegalArgumentException("seeds: 1 to " + MAX_SEEDS + " track ids");
    }
    if (negativeSeeds.size() > MAX_SEEDS) {
      throw new IllegalArgumentException("negativeSeeds: at most " + MAX_SEEDS + " track ids");
    }
    targets = targets == null ? AudioFeatures.NONE : targets;
    if (popularity != null && !(popularity >= 0 && popularity <= 100)) {
      throw new IllegalArgumentException("popularity: 0 to 100");
    }
    if (!(featureWeight >= 1 && featureWeight <= 5)) {
      throw new IllegalArgumentException("featureWeight: 1 to 5");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size: 1 to " + MAX_SIZE);
    }
    if (!(tagShare >= 0 && tagShare <= 1)) {
      throw new IllegalArgumentException("tagShare: 0 to 1");
    }
    excludeTrackIds = excludeTrackIds == null ? Set.of() : Set.copyOf(excludeTrackIds);
    excludeArtistIds = excludeArtistIds == null ? Set.of() : Set.copyOf(excludeArtistIds);
    excludeAlbumIds = excludeAlbumIds == null ? Set.of() : Set.copyOf(excludeAlbumIds);
  }

  private static List<Long> distinct(Collection<Long> ids) {
    return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private List<Long> seeds = List.of();
    private List<Long> negativeSeeds = List.of();
    private AudioFeatures targets = AudioFeatures.NONE;
    private Double popularity;
    private double featureWeight = 1;
    private int size = DEFAULT_SIZE;
    private double tagShare = DEFAULT_TAG_SHARE;
    private Set<Long> excludeTrackIds = Set.of();
    private Set<Long> excludeArtistIds = Set.of();
    private Set<Long> excludeAlbumIds = Set.of();
    private TrackQuery filter;

    private Builder() {}

    public Builder seeds(Collection<Long> v) {
      seeds = List.copyOf(v);
      return this;
    }

    public Builder seeds(Long... v) {
      return seeds(List.of(v));
    }

    public Builder negativeSeeds(Collection<Long> v) {
      negativeSeeds = List.copyOf(v);
      return this;
    }

    public Builder targets(AudioFeatures v) {
      targets = v;
      return this;
    }

    public Builder popularity(Double v) {
      popularity = v;
      return this;
    }

    public Builder featureWeight(double v) {
      featureWeight = v;
      return this;
    }

    public Builder size(int v) {
      size = v;
      return this;
    }

    public Builder tagShare(double v) {
      tagShare = v;
      return this;
    }

    public Builder excludeTracks(Collection<Long> v) {
      excludeTrackIds = Set.copyOf(v);
      return this;
    }

    public Builder excludeArtists(Collection<Long> v) {
      excludeArtistIds = Set.copyOf(v);
      return this;
    }

    public Builder excludeAlbums(Collection<Long> v) {
      excludeAlbumIds = Set.copyOf(v);
      return this;
    }

    public Builder filter(TrackQuery v) {
      filter = v;
      return this;
    }

    public RecommendationRequest build() {
      return new RecommendationRequest(
          seeds,
          negativeSeeds,
          targets,
          popularity,
          featureWeight,
          size,
          tagShare,
          excludeTrackIds,
          excludeArtistIds,
          excludeAlbumIds,
          filter);
    }
  }
}
