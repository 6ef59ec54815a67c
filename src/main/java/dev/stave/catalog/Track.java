package dev.stave.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A track. {@code uuid} may be null on input (the store issues one on creation and keeps it
 * forever). {@code artistIds} is ordered, the first being the primary artist. {@code albumId} is
 * null for singles.
 */
public record Track(
    long id,
    UUID uuid,
    String name,
    Long albumId,
    Integer position,
    Integer disc,
    long durationMs,
    ReleaseDate releaseDate,
    String licenseUrl,
    MusicInfo musicInfo,
    String lyrics,
    ExternalIds externalIds,
    double popularity,
    String availableCountries,
    TrackFlags flags,
    TrackStats stats,
    AudioFeatures features,
    List<Long> artistIds,
    List<Tag> tags) {

  public Track {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("track " + id + " has no name");
    }
    if (artistIds == null || artistIds.isEmpty()) {
      throw new IllegalArgumentException("track " + id + " has no artist");
    }
    musicInfo = musicInfo == null ? MusicInfo.NONE : musicInfo;
    externalIds = externalIds == null ? ExternalIds.NONE : externalIds;
    flags = flags == null ? TrackFlags.DEFAULT : flags;
    stats = stats == null ? TrackStats.ZERO : stats;
    features = features == null ? AudioFeatures.NONE : features;
    artistIds = List.copyOf(artistIds);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** This track with other audio features and musicinfo labels, everything else unchanged. */
  public Track withAnalysis(AudioFeatures features, MusicInfo musicInfo) {
    return new Track(
        id,
        uuid,
        name,
        albumId,
        position,
        disc,
        durationMs,
        releaseDate,
        licenseUrl,
        musicInfo,
        lyrics,
        externalIds,
        popularity,
        availableCountries,
        flags,
        stats,
        features,
        artistIds,
        tags);
  }

  public long primaryArtistId() {
    return artistIds.get(0);
  }
}
