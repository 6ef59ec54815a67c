package dev.stave.reccobeats.api;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Track;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Finds tracks, albums and artists by the ids a client sends, through the search index, and reads
 * them from the store (through the {@link EntityCache}).
 *
 * <p>{@code ids} lists: UUIDs and Spotify ids alike; rows come back in request order, ids that name
 * nothing are left out, and an entity named twice (by its UUID and its Spotify id) comes back once,
 * where it was first named. Path ids: UUIDs only; anything else, or a UUID that names nothing, is a
 * 404 (code 4041).
 */
@Component
public class Lookup {
  private final CatalogSearch search;
  private final EntityCache entities;
  private final Kind<Track> tracks;
  private final Kind<Album> albums;
  private final Kind<Artist> artists;

  /** How one entity kind is searched, read and identified. */
  private record Kind<T>(
      String name,
      Function<TrackQuery.Builder, SearchResult> trackSearch,
      Function<EntityQuery, SearchResult> entitySearch,
      Function<List<Long>, List<T>> read,
      Function<T, UUID> uuid,
      Function<T, ExternalIds> externalIds,
      Function<T, Long> id) {

    SearchResult find(Set<UUID> uuids, Set<String> spotifyIds, int limit) {
      if (trackSearch != null) {
        return trackSearch.apply(
            TrackQuery.builder().uuids(uuids).spotifyIds(spotifyIds).page(0, limit));
      }
      return entitySearch.apply(
          EntityQuery.builder().uuids(uuids).spotifyIds(spotifyIds).page(0, limit).build());
    }
  }

  public Lookup(CatalogSearch search, EntityCache entities) {
    this.search = search;
    this.entities = entities;
    this.tracks =
        new Kind<>(
            "track",
            b -> search.tracks(b.build()),
            null,
            entities::tracks,
            Track::uuid,
            Track::externalIds,
            Track::id);
    this.albums =
        new Kind<>(
            "album",
            null,
            search::albums,
            entities::albums,
            Album::uuid,
            Album::externalIds,
            Album::id);
    this.artists =
        new Kind<>(
            "artist",
            null,
            search::artists,
            entities::artists,
            Artist::uuid,
            Artist::externalIds,
            Artist::id);
  }

  public List<Track> tracks(Ids ids) {
    return byIds(tracks, ids);
  }

  public List<Album> albums(Ids ids) {
    return byIds(albums, ids);
  }

  public List<Artist> artists(Ids ids) {
    return byIds(artists, ids);
  }

  public Track track(String pathId) {
    return byPath(tracks, pathId);
  }

  public Album album(String pathId) {
    return byPath(albums, pathId);
  }

  public Artist artist(String pathId) {
    return byPath(artists, pathId);
  }

  /** Every track of an album (found through the index), in no particular order. */
  public List<Track> albumTracks(Album album) {
    SearchResult r =
        search.tracks(
            TrackQuery.builder()
                .albumIds(Set.of(album.id()))
                .page(0, TrackQuery.MAX_LIMIT)
                .build());
    return entities.tracks(r.ids());
  }

  private <T> List<T> byIds(Kind<T> kind, Ids ids) {
    // Two searches: the query's conditions are AND-ed, a row matches a UUID or a Spotify id.
    List<Long> found = new ArrayList<>();
    List<UUID> uuids = ids.uuids();
    List<String> spotifyIds = ids.spotifyIds();
    if (!uuids.isEmpty()) {
      found.addAll(kind.find(Set.copyOf(uuids), Set.of(), uuids.size()).ids());
    }
    if (!spotifyIds.isEmpty()) {
      found.addAll(kind.find(Set.of(), Set.copyOf(spotifyIds), spotifyIds.size()).ids());
    }
    Map<String, T> byKey = new HashMap<>();
    for (T e : kind.read().apply(found)) {
      byKey.put(kind.uuid().apply(e).toString(), e);
      String spotifyId = kind.externalIds().apply(e).spotifyId();
      if (spotifyId != null) {
        byKey.putIfAbsent(spotifyId, e);
      }
    }
    List<T> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (String id : ids.values()) {
      T e = byKey.get(Ids.uuid(id).map(UUID::toString).orElse(id));
      if (e != null && seen.add(kind.id().apply(e))) {
        out.add(e);
      }
    }
    return out;
  }

  private <T> T byPath(Kind<T> kind, String pathId) {
    UUID uuid =
        Ids.uuid(pathId).orElseThrow(() -> ReccoBeatsException.notFound(kind.name(), pathId));
    List<T> found = kind.read().apply(kind.find(Set.of(uuid), Set.of(), 1).ids());
    if (found.isEmpty()) {
      throw ReccoBeatsException.notFound(kind.name(), pathId);
    }
    return found.get(0);
  }
}
