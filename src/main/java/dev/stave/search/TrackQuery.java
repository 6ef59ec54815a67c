package dev.stave.search;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A dialect-neutral track query. Every condition is optional (null or empty = no condition) and all
 * given conditions must hold. Build one with {@link #builder()}.
 *
 * <p>Ranking: {@code text} (full-text over track, album and artist names and tags), {@code
 * fuzzyTags} (tracks matching more of them first) and {@code similarTo} (nearest audio-feature
 * vectors, filters applied inside the search) produce a score; {@code boost} blends a popularity
 * figure into that score. Without an explicit sort, scored queries sort by {@link
 * TrackSort#RELEVANCE} and the others by {@link TrackSort#ID}; id ascending always breaks ties.
 *
 * @param ids numeric ids (any of)
 * @param uuids stable UUIDs (any of)
 * @param spotifyIds Spotify ids (any of)
 * @param isrcs ISRCs (any of)
 * @param excludeIds ids that must not be returned (e.g. the seed of a similarity query)
 * @param name condition on the track name
 * @param albumIds album ids (any of)
 * @param artistIds artist ids, any artist of the track (any of)
 * @param single true: only singles (tracks without an album); false: only album tracks
 * @param tags tag names, any category; every one must be present
 * @param categoryTags tags with their category; every one must be present
 * @param fuzzyTags tag names of which at least one must be present; more present ranks higher
 * @param releasedFrom first release date included
 * @param releasedTo last release date included
 * @param minDurationMs shortest duration included
 * @param maxDurationMs longest duration included
 * @param vocalInstrumental {@code vocal} or {@code instrumental}
 * @param gender {@code male} or {@code female}
 * @param speeds any of {@code verylow low medium high veryhigh}
 * @param acousticElectric {@code acoustic} or {@code electric}
 * @param langs ISO 639-1 languages of the lyrics (any of)
 * @param ccnc true: only licences with the NonCommercial clause; false: only without it
 * @param ccnd true: only NoDerivatives licences; false: only without the clause
 * @param ccsa true: only ShareAlike licences; false: only without the clause
 * @param featured featured by the editors (true) or not (false)
 * @param downloadAllowed downloads allowed (true) or not (false)
 * @param contentIdFree free of Content-ID registration (true) or not (false)
 * @param text full-text query; every word must occur in a name or tag
 * @param boost a {@link TrackSort#boostable()} figure blended into the score
 * @param boostWeight how much the boost figure weighs; its contribution is {@code weight * v / (v +
 *     pivot)}, between 0 and weight, where the pivot is Lucene's estimate of a typical value
 * @param similarTo audio features to find the nearest tracks to; every other condition filters
 *     inside the nearest-neighbour search (the result is the {@code offset + limit} nearest
 *     matching tracks, ordered by similarity; {@code total} counts every matching track that has
 *     features). Not combinable with {@code boost} or a sort other than relevance.
 * @param sort sort keys, most significant first
 * @param offset results to skip
 * @param limit results to return (1…{@value #MAX_LIMIT})
 */
public record TrackQuery(
    Set<Long> ids,
    Set<UUID> uuids,
    Set<String> spotifyIds,
    Set<String> isrcs,
    Set<Long> excludeIds,
    NameMatch name,
    Set<Long> albumIds,
    Set<Long> artistIds,
    Boolean single,
    List<String> tags,
    List<Tag> categoryTags,
    List<String> fuzzyTags,
    LocalDate releasedFrom,
    LocalDate releasedTo,
    Long minDurationMs,
    Long maxDurationMs,
    String vocalInstrumental,
    String gender,
    Set<String> speeds,
    String acousticElectric,
    Set<String> langs,
    Boolean ccnc,
    Boolean ccnd,
    Boolean ccsa,
    Boolean featured,
    Boolean downloadAllowed,
    Boolean contentIdFree,
    String text,
    TrackSort boost,
    float boostWeight,
    AudioFeatures similarTo,
    List<SortKey<TrackSort>> sort,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 10_000;

  /** Deep paging costs memory proportional to offset + limit; beyond this, narrow the query. */
  public static final int MAX_WINDOW = 100_000;

  public TrackQuery {
    ids = ids == null ? Set.of() : Set.copyOf(ids);
    uuids = uuids == null ? Set.of() : Set.copyOf(uuids);
    spotifyIds = spotifyIds == null ? Set.of() : Set.copyOf(spotifyIds);
    isrcs = isrcs == null ? Set.of() : Set.copyOf(isrcs);
    excludeIds = excludeIds == null ? Set.of() : Set.copyOf(excludeIds);
    albumIds = albumIds == null ? Set.of() : Set.copyOf(albumIds);
    artistIds = artistIds == null ? Set.of() : Set.copyOf(artistIds);
    tags = tags == null ? List.of() : List.copyOf(tags);
    categoryTags = categoryTags == null ? List.of() : List.copyOf(categoryTags);
    fuzzyTags = fuzzyTags == null ? List.of() : List.copyOf(fuzzyTags);
    speeds = speeds == null ? Set.of() : Set.copyOf(speeds);
    langs = langs == null ? Set.of() : Set.copyOf(langs);
    sort = sort == null ? List.of() : List.copyOf(sort);
    if (boost != null && !boost.boostable()) {
      throw new IllegalArgumentException("boost: " + boost + " is not a popularity figure");
    }
    if (boost != null && !(boostWeight > 0)) {
      throw new IllegalArgumentException("boost: weight must be positive");
    }
    if (similarTo != null && FeatureVector.of(similarTo) == null) {
      throw new IllegalArgumentException("similarTo: every audio feature must be known");
    }
    // Nearest-neighbour results are ordered by similarity alone: anything else would reorder a
    // window that was chosen by distance, which no caller can reason about.
    if (similarTo != null && boost != null) {
      throw new IllegalArgumentException("boost: not combinable with similarTo");
    }
    if (similarTo != null
        && sort.stream().anyMatch(k -> k.field() != TrackSort.RELEVANCE || !k.descending())) {
      throw new IllegalArgumentException("sort: similarTo results are ordered by similarity");
    }
    Paging.check(offset, limit, MAX_LIMIT, MAX_WINDOW);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the query produces a meaningful score to rank by. */
  public boolean scored() {
    return (text != null && !text.isBlank())
        || !fuzzyTags.isEmpty()
        || similarTo != null
        || boost != null;
  }

  /** Mutable builder; {@link #build()} validates. Defaults: offset 0, limit 10. */
  public static final class Builder {
    private Set<Long> ids;
    private Set<UUID> uuids;
    private Set<String> spotifyIds;
    private Set<String> isrcs;
    private Set<Long> excludeIds;
    private NameMatch name;
    private Set<Long> albumIds;
    private Set<Long> artistIds;
    private List<String> tags;
    private List<Tag> categoryTags;
    private List<String> fuzzyTags;
    private LocalDate releasedFrom;
    private LocalDate releasedTo;
    private Long minDurationMs;
    private Long maxDurationMs;
    private String vocalInstrumental;
    private String gender;
    private Set<String> speeds;
    private String acousticElectric;
    private Set<String> langs;
    private Boolean single;
    private Boolean contentIdFree;
    private Boolean ccnc;
    private Boolean ccnd;
    private Boolean ccsa;
    private Boolean featured;
    private Boolean downloadAllowed;
    private String text;
    private TrackSort boost;
    private float boostWeight = 1f;
    private AudioFeatures similarTo;
    private List<SortKey<TrackSort>> sort = new ArrayList<>();
    private int offset;
    private int limit = 10;

    private Builder() {}

    private Builder(TrackQuery q) {
      ids = q.ids;
      uuids = q.uuids;
      spotifyIds = q.spotifyIds;
      isrcs = q.isrcs;
      excludeIds = q.excludeIds;
      name = q.name;
      albumIds = q.albumIds;
      artistIds = q.artistIds;
      tags = q.tags;
      categoryTags = q.categoryTags;
      fuzzyTags = q.fuzzyTags;
      releasedFrom = q.releasedFrom;
      releasedTo = q.releasedTo;
      minDurationMs = q.minDurationMs;
      maxDurationMs = q.maxDurationMs;
      vocalInstrumental = q.vocalInstrumental;
      gender = q.gender;
      speeds = q.speeds;
      acousticElectric = q.acousticElectric;
      langs = q.langs;
      single = q.single;
      contentIdFree = q.contentIdFree;
      ccnc = q.ccnc;
      ccnd = q.ccnd;
      ccsa = q.ccsa;
      featured = q.featured;
      downloadAllowed = q.downloadAllowed;
      text = q.text;
      boost = q.boost;
      boostWeight = q.boostWeight;
      similarTo = q.similarTo;
      sort = new ArrayList<>(q.sort);
      offset = q.offset;
      limit = q.limit;
    }

    public Builder ids(Collection<Long> v) {
      ids = Set.copyOf(v);
      return this;
    }

    public Builder ids(Long... v) {
      return ids(List.of(v));
    }

    public Builder uuids(Collection<UUID> v) {
      uuids = Set.copyOf(v);
      return this;
    }

    public Builder spotifyIds(Collection<String> v) {
      spotifyIds = Set.copyOf(v);
      return this;
    }

    public Builder isrcs(Collection<String> v) {
      isrcs = Set.copyOf(v);
      return this;
    }

    public Builder excludeIds(Collection<Long> v) {
      excludeIds = Set.copyOf(v);
      return this;
    }

    public Builder name(NameMatch v) {
      name = v;
      return this;
    }

    public Builder albumIds(Collection<Long> v) {
      albumIds = Set.copyOf(v);
      return this;
    }

    public Builder artistIds(Collection<Long> v) {
      artistIds = Set.copyOf(v);
      return this;
    }

    public Builder tags(Collection<String> v) {
      tags = List.copyOf(v);
      return this;
    }

    public Builder categoryTags(Collection<Tag> v) {
      categoryTags = List.copyOf(v);
      return this;
    }

    public Builder fuzzyTags(Collection<String> v) {
      fuzzyTags = List.copyOf(v);
      return this;
    }

    public Builder released(LocalDate from, LocalDate to) {
      releasedFrom = from;
      releasedTo = to;
      return this;
    }

    public Builder durationMs(Long min, Long max) {
      minDurationMs = min;
      maxDurationMs = max;
      return this;
    }

    public Builder vocalInstrumental(String v) {
      vocalInstrumental = v;
      return this;
    }

    public Builder gender(String v) {
      gender = v;
      return this;
    }

    public Builder speeds(Collection<String> v) {
      speeds = Set.copyOf(v);
      return this;
    }

    public Builder acousticElectric(String v) {
      acousticElectric = v;
      return this;
    }

    public Builder langs(Collection<String> v) {
      langs = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder single(Boolean v) {
      single = v;
      return this;
    }

    public Builder contentIdFree(Boolean v) {
      contentIdFree = v;
      return this;
    }

    public Builder lang(String v) {
      langs = v == null ? null : Set.of(v);
      return this;
    }

    public Builder ccnc(Boolean v) {
      ccnc = v;
      return this;
    }

    public Builder ccnd(Boolean v) {
      ccnd = v;
      return this;
    }

    public Builder ccsa(Boolean v) {
      ccsa = v;
      return this;
    }

    public Builder featured(Boolean v) {
      featured = v;
      return this;
    }

    public Builder downloadAllowed(Boolean v) {
      downloadAllowed = v;
      return this;
    }

    public Builder text(String v) {
      text = v;
      return this;
    }

    public Builder boost(TrackSort figure, float weight) {
      boost = figure;
      boostWeight = weight;
      return this;
    }

    public Builder similarTo(AudioFeatures v) {
      similarTo = v;
      return this;
    }

    /** Adds a sort key (call repeatedly for several keys, most significant first). */
    public Builder sortBy(TrackSort field, boolean descending) {
      sort.add(new SortKey<>(field, descending));
      return this;
    }

    public Builder page(int offset, int limit) {
      this.offset = offset;
      this.limit = limit;
      return this;
    }

    public TrackQuery build() {
      return new TrackQuery(
          ids,
          uuids,
          spotifyIds,
          isrcs,
          excludeIds,
          name,
          albumIds,
          artistIds,
          single,
          tags,
          categoryTags,
          fuzzyTags,
          releasedFrom,
          releasedTo,
          minDurationMs,
          maxDurationMs,
          vocalInstrumental,
          gender,
          speeds,
          acousticElectric,
          langs,
          ccnc,
          ccnd,
          ccsa,
          featured,
          downloadAllowed,
          contentIdFree,
          text,
          boost,
          boostWeight,
          similarTo,
          sort,
          offset,
          limit);
    }
  }
}
