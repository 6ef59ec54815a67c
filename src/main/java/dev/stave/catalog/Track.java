package dev.stave.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A track. {@code uuid} may be null on input (the store issues one on creation and keeps it
 * forever). {@code artistIds} is ordered, the first being the primary artist. {@code albumId} is
 * null for singles.
 *
 * <p>Decision: nineteen components, most of them optional, so code that makes a track names what it
 * sets through {@link #builder()} (or {@link #toBuilder()} to change a copy) instead of a run of
 * positional {@code null}s, where a value in the wrong slot of the same type compiles. A
 * hand-written builder rather than withers because most call sites set many components at once;
 * rather than a generating annotation processor because it is one screen of code and keeps the
 * build plain. It costs one short-lived object per track, nothing measurable next to the JDBC write
 * each imported track gets. The canonical constructor stays for the row mapper, which sets every
 * component from its column.
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
    return toBuilder().features(features).musicInfo(musicInfo).build();
  }

  public long primaryArtistId() {
    return artistIds.get(0);
  }

  /** A builder with every component unset (null, 0, false): set what is known, by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this track's components, to build a changed copy by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.uuid = uuid;
    b.name = name;
    b.albumId = albumId;
    b.position = position;
    b.disc = disc;
    b.durationMs = durationMs;
    b.releaseDate = releaseDate;
    b.licenseUrl = licenseUrl;
    b.musicInfo = musicInfo;
    b.lyrics = lyrics;
    b.externalIds = externalIds;
    b.popularity = popularity;
    b.availableCountries = availableCountries;
    b.flags = flags;
    b.stats = stats;
    b.features = features;
    b.artistIds = artistIds;
    b.tags = tags;
    return b;
  }

  /** Builds a {@link Track} by naming its components; unset ones keep Java's defaults. */
  public static final class Builder {
    private long id;
    private UUID uuid;
    private String name;
    private Long albumId;
    private Integer position;
    private Integer disc;
    private long durationMs;
    private ReleaseDate releaseDate;
    private String licenseUrl;
    private MusicInfo musicInfo;
    private String lyrics;
    private ExternalIds externalIds;
    private double popularity;
    private String availableCountries;
    private TrackFlags flags;
    private TrackStats stats;
    private AudioFeatures features;
    private List<Long> artistIds;
    private List<Tag> tags;

    private Builder() {}

    public Builder id(long id) {
      this.id = id;
      return this;
    }

    public Builder uuid(UUID uuid) {
      this.uuid = uuid;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder albumId(Long albumId) {
      this.albumId = albumId;
      return this;
    }

    public Builder position(Integer position) {
      this.position = position;
      return this;
    }

    public Builder disc(Integer disc) {
      this.disc = disc;
      return this;
    }

    public Builder durationMs(long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    public Builder releaseDate(ReleaseDate releaseDate) {
      this.releaseDate = releaseDate;
      return this;
    }

    public Builder licenseUrl(String licenseUrl) {
      this.licenseUrl = licenseUrl;
      return this;
    }

    public Builder musicInfo(MusicInfo musicInfo) {
      this.musicInfo = musicInfo;
      return this;
    }

    public Builder lyrics(String lyrics) {
      this.lyrics = lyrics;
      return this;
    }

    public Builder externalIds(ExternalIds externalIds) {
      this.externalIds = externalIds;
      return this;
    }

    public Builder popularity(double popularity) {
      this.popularity = popularity;
      return this;
    }

    public Builder availableCountries(String availableCountries) {
      this.availableCountries = availableCountries;
      return this;
    }

    public Builder flags(TrackFlags flags) {
      this.flags = flags;
      return this;
    }

    public Builder stats(TrackStats stats) {
      this.stats = stats;
      return this;
    }

    public Builder features(AudioFeatures features) {
      this.features = features;
      return this;
    }

    public Builder artistIds(List<Long> artistIds) {
      this.artistIds = artistIds;
      return this;
    }

    public Builder tags(List<Tag> tags) {
      this.tags = tags;
      return this;
    }

    public Track build() {
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
  }
}
