package dev.stave.jamendo.albums;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.ListPaging;
import dev.stave.jamendo.api.SubEntityBudget;
import dev.stave.jamendo.tracks.TrackView;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/albums/tracks} (spec §8.3): every {@code albums} parameter, plus {@code
 * track_id}, {@code track_name}, the track orders and the audio formats; each album with its {@code
 * tracks[]}.
 *
 * <p>Where the spec is silent: {@code track_id}/{@code track_name} select both the nested tracks
 * and the albums (only albums holding a matching track are listed); without them every album
 * matching the album filters is listed, with all its tracks. Tracks come in album order ({@code
 * track_position}) unless a track order is given. The album-level {@code track_id} of the sample
 * holds the first nested track's id ({@code ""} when there is none), and each track's {@code count}
 * its rank in the album's list. {@code limit}/{@code offset} page the albums; the nested tracks of
 * one response are capped at {@value SubEntityBudget#MAX}, earlier albums served first.
 */
@Component
public class AlbumTracksMethod implements JamendoMethod {
  private static final Map<String, TrackSort> TRACK_ORDERS =
      Map.of(
          "track_id", TrackSort.ID,
          "track_name", TrackSort.NAME,
          "track_position", TrackSort.POSITION);

  private final AlbumsMethod albums;
  private final CatalogSearch search;
  private final EntityCache entities;
  private final JamendoLinks links;

  public AlbumTracksMethod(
      AlbumsMethod albums, CatalogSearch search, EntityCache entities, JamendoLinks links) {
    this.albums = albums;
    this.search = search;
    this.entities = entities;
    this.links = links;
  }

  @Override
  public String path() {
    return "albums/tracks";
  }

  @Override
  public Set<String> parameters() {
    List<String> own = new ArrayList<>(AlbumsMethod.PARAMETERS);
    own.addAll(List.of("track_id", "track_name", "audiodlformat"));
    return JamendoMethod.withCommon(own.toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "album";
  }

  @Override
  public Result execute(JamendoParams p) {
    ListPaging paging = ListPaging.of(p);
    TrackView.Options options = TrackView.options(p); // audioformat: the four track formats here
    List<String> orders = EntityParams.orders(p, AlbumsMethod.ORDER_FIELDS, TRACK_ORDERS);
    TrackQuery.Builder tracks = TrackQuery.builder().single(false);
    List<Long> trackIds = p.integers("track_id");
    if (!trackIds.isEmpty()) {
      tracks.ids(trackIds);
    }
    p.nameMatch("track_name", NameMatch::exact).ifPresent(tracks::name);
    if (!EntityParams.applyOrders(orders, TRACK_ORDERS, tracks::sortBy)) {
      tracks.sortBy(TrackSort.POSITION, false);
    }
    Optional<EntityQuery.Builder> q = albums.filters(p);
    if (q.isEmpty()
        || (p.has("track_id") || p.has("track_name"))
            && !EntityParams.restrictIds(
                p, q.get(), search.parentsOfTracks(tracks.build(), CatalogSearch.Parent.ALBUM))) {
      return paging.none();
    }
    EntityParams.sortBy(orders, AlbumsMethod.ORDER_FIELDS, q.get());
    SearchResult r = search.albums(paging.page(q.get()));
    SubEntityBudget budget = new SubEntityBudget();
    Map<Long, List<Track>> nested =
        EntityParams.hydrate(
            search.tracksByParent(
                tracks.build(), CatalogSearch.Parent.ALBUM, r.ids(), budget.remaining()),
            entities::tracks,
            Track::id);
    Map<Long, List<Map<String, Object>>> children = new LinkedHashMap<>();
    nested.forEach(
        (album, list) -> {
          List<Map<String, Object>> rendered = new ArrayList<>();
          for (Track t : list) {
            rendered.add(TrackView.inAlbum(t, rendered.size() + 1, options, links));
          }
          children.put(album, rendered);
        });
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> album : albums.render(r.ids(), options.imageSize())) {
      out.add(
          sampleShape(
              album, children.getOrDefault(Long.parseLong((String) album.get("id")), List.of())));
    }
    EntityParams.nest(out, "tracks", children, budget);
    return paging.result(out, r);
  }

  /**
   * The album fields of the albums/tracks sample: no short or share URL, and an album-level {@code
   * track_id} after the artist name.
   */
  private static Map<String, Object> sampleShape(
      Map<String, Object> album, List<Map<String, Object>> tracks) {
    Map<String, Object> m = new LinkedHashMap<>();
    album.forEach(
        (k, v) -> {
          if (!k.equals("shorturl") && !k.equals("shareurl")) {
            m.put(k, v);
          }
          if (k.equals("artist_name")) {
            m.put("track_id", tracks.isEmpty() ? "" : tracks.get(0).get("id"));
          }
        });
    return m;
  }
}
