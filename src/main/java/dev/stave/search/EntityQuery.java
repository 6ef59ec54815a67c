package dev.stave.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A query on albums or artists (see {@link CatalogSearch#albums} and {@link
 * CatalogSearch#artists}): ids, name (exact, prefix, substring), full-text on the name, artist ids
 * (albums: any of their artists), release (albums) or join (artists) date range, album types,
 * presence of an image, artist locations (presence; country, city and distance from a point, met by
 * one location), sort and paging. Without an explicit sort, a query with text sorts by relevance,
 * others by id; id ascending breaks ties.
 */
public record EntityQuery(
    Set<Long> ids,
    Set<UUID> uuids,
    Set<String> spotifyIds,
    NameMatch name,
    String text,
    Set<Long> artistIds,
    LocalDate datedFrom,
    LocalDate datedTo,
    Set<String> albumTypes,
    Boolean hasImage,
    Set<String> tags,
    Boolean hasLocation,
    LocationFilter locations,
    List<SortKey<EntitySort>> sort,
    int offset,
    int limit) {

  public EntityQuery {
    ids = ids == null ? Set.of() : Set.copyOf(ids);
    uuids = uuids == null ? Set.of() : Set.copyOf(uuids);
    spotifyIds = spotifyIds == null ? Set.of() : Set.copyOf(spotifyIds);
    artistIds = artistIds == null ? Set.of() : Set.copyOf(artistIds);
    albumTypes = albumTypes == null ? Set.of() : Set.copyOf(albumTypes);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    locations = locations == null ? LocationFilter.ANY : locations;
    sort = sort == null ? List.of() : List.copyOf(sort);
    Paging.check(offset, limit, TrackQuery.MAX_LIMIT, TrackQuery.MAX_WINDOW);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; defaults: offset 0, limit 10. */
  public static final class Builder {
    private Set<Long> ids;
    private Set<UUID> uuids;
    private Set<String> spotifyIds;
    private NameMatch name;
    private String text;
    private Set<Long> artistIds;
    private final List<SortKey<EntitySort>> sort = new ArrayList<>();
    private int offset;
    private int limit = 10;

    private LocalDate datedFrom;
    private LocalDate datedTo;
    private Set<String> albumTypes;
    private Boolean hasImage;
    private Set<String> tags;
    private Boolean hasLocation;
    private LocationFilter locations;

    private Builder() {}

    public Builder ids(Collection<Long> v) {
      ids = Set.copyOf(v);
      return this;
    }

    public Builder uuids(Collection<UUID> v) {
      uuids = Set.copyOf(v);
      return this;
    }

    public Builder spotifyIds(Collection<String> v) {
      spotifyIds = Set.copyOf(v);
      return this;
    }

    public Builder name(NameMatch v) {
      name = v;
      return this;
    }

    public Builder text(String v) {
      text = v;
      return this;
    }

    public Builder artistIds(Collection<Long> v) {
      artistIds = Set.copyOf(v);
      return this;
    }

    public Builder sortBy(EntitySort field, boolean descending) {
      sort.add(new SortKey<>(field, descending));
      return this;
    }

    /** Release date (albums) or join date (artists) within [from, to]; null = open. */
    public Builder dated(LocalDate from, LocalDate to) {
      datedFrom = from;
      datedTo = to;
      return this;
    }

    /** Albums only: any of these album types (album, single, ep, compilation…). */
    public Builder albumTypes(Collection<String> v) {
      albumTypes = v == null ? null : Set.copyOf(v);
      return this;
    }

    /** Albums only: every one of these tags (lower case). */
    public Builder tags(Collection<String> v) {
      tags = v == null ? null : Set.copyOf(v);
      return this;
    }

    /** Only entities with an image of their own (true) or without (false). */
    public Builder hasImage(Boolean v) {
      hasImage = v;
      return this;
    }

    /** Artists only: with at least one declared location (true) or none (false). */
    public Builder hasLocation(Boolean v) {
      hasLocation = v;
      return this;
    }

    /** Artists only: one location meeting every condition of {@code v}. */
    public Builder locations(LocationFilter v) {
      locations = v;
      return this;
    }

    public Builder page(int offset, int limit) {
      this.offset = offset;
      this.limit = limit;
      return this;
    }

    public EntityQuery build() {
      return new EntityQuery(
          ids,
          uuids,
          spotifyIds,
          name,
          text,
          artistIds,
          datedFrom,
          datedTo,
          albumTypes,
          hasImage,
          tags,
          hasLocation,
          locations,
          sort,
          offset,
          limit);
    }
  }
}
