package dev.stave.jamendo.artists;

import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.tracks.TrackView;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.NameMatch;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/artists/tracks} (spec §8.6): every {@code artists} parameter, plus track and
 * album filters, the track orders and the audio formats; each artist with its {@code tracks[]}
 * (album tracks only unless {@code track_type} says otherwise).
 *
 * <p>Where the spec is silent: a track filter ({@code track_id}, {@code track_name}, {@code
 * track_type}, {@code album_id}, {@code album_name}, {@code album_datebetween}) also selects the
 * artists: only artists with a matching track are listed. Without one, every artist matching the
 * artist filters is listed, with its album tracks (possibly none). A track of several artists is
 * listed under each. Tracks come by release date, then id, unless a track order is given.
 */
@Component
public class ArtistTracksMethod extends ArtistsSubMethod {
  private static final Map<String, TrackSort> TRACK_ORDERS =
      Map.of(
          "track_name", TrackSort.NAME,
          "track_id", TrackSort.ID,
          "track_releasedate", TrackSort.RELEASE_DATE);
  private static final List<String> TRACK_FILTERS =
      List.of(
          "track_id", "track_name", "track_type", "album_id", "album_name", "album_datebetween");

  public ArtistTracksMethod(
      ArtistsMethod artists,
      CatalogSearch search,
      CatalogStore store,
      EntityCache entities,
      JamendoLinks links) {
    super(artists, search, store, entities, links);
  }

  @Override
  public String path() {
    return "artists/tracks";
  }

  @Override
  List<String> ownParameters() {
    List<String> own = new ArrayList<>(TRACK_FILTERS);
    own.addAll(List.of("audioformat", "audiodlformat"));
    return own;
  }

  @Override
  Map<String, ?> nestedOrders() {
    return TRACK_ORDERS;
  }

  @Override
  boolean shareUrls() {
    return false;
  }

  @Override
  Optional<Nested> prepare(JamendoParams p, EntityQuery.Builder artistQuery, List<String> orders) {
    TrackView.Options options = TrackView.options(p);
    TrackQuery.Builder tracks = TrackQuery.builder();
    List<Long> ids = p.integers("track_id");
    if (!ids.isEmpty()) {
      tracks.ids(ids);
    }
    p.nameMatch("track_name", NameMatch::exact).ifPresent(tracks::name);
    Set<String> types = new HashSet<>(p.manyOf("track_type", List.of("single", "albumtrack")));
    if (types.isEmpty()) {
      types.add("albumtrack"); // album tracks unless asked otherwise (spec §8.6)
    }
    if (types.size() == 1) {
      tracks.single(types.contains("single"));
    }
    Optional<EntityQuery.Builder> albums = albumFilters(p);
    if (albums.isPresent()) {
      Set<Long> albumIds = search.albumIds(albums.get().build());
      if (albumIds.isEmpty()) {
        return Optional.empty();
      }
      tracks.albumIds(albumIds);
    }
    if (TRACK_FILTERS.stream().anyMatch(p::has)
        && !EntityParams.restrictIds(
            p, artistQuery, search.parentsOfTracks(tracks.build(), CatalogSearch.Parent.ARTIST))) {
      return Optional.empty();
    }
    if (!EntityParams.applyOrders(orders, TRACK_ORDERS, tracks::sortBy)) {
      tracks.sortBy(TrackSort.RELEASE_DATE, false);
    }
    TrackQuery query = tracks.build();
    return Optional.of(
        (page, budget) -> {
          Map<Long, List<Track>> nested =
              EntityParams.hydrate(
                  search.tracksByParent(
                      query, CatalogSearch.Parent.ARTIST, ids(page), budget.remaining()),
                  entities::tracks,
                  Track::id);
          Map<Long, Album> albumsById =
              entities
                  .albums(
                      nested.values().stream()
                          .flatMap(List::stream)
                          .map(Track::albumId)
                          .filter(Objects::nonNull)
                          .distinct()
                          .toList())
                  .stream()
                  .collect(Collectors.toMap(Album::id, Function.identity()));
          Map<Long, List<Map<String, Object>>> children = new LinkedHashMap<>();
          nested.forEach(
              (artist, list) ->
                  children.put(
                      artist,
                      list.stream()
                          .map(
                              t ->
                                  TrackView.ofArtist(
                                      t,
                                      t.albumId() == null ? null : albumsById.get(t.albumId()),
                                      options,
                                      links))
                          .toList()));
          EntityParams.nest(new ArrayList<>(page.values()), "tracks", children, budget);
        });
  }
}
