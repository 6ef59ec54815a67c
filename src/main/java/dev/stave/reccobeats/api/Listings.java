package dev.stave.reccobeats.api;

import dev.stave.catalog.EntityCache;
import dev.stave.reccobeats.api.Envelopes.PageEnvelope;
import dev.stave.reccobeats.api.Views.AlbumView;
import dev.stave.reccobeats.api.Views.ArtistView;
import dev.stave.reccobeats.api.Views.TrackView;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Pages of tracks, albums and artists answered by the search index, read from the store and
 * rendered: the searches and the sub-resource listings of every controller.
 */
@Component
public class Listings {
  private final CatalogSearch search;
  private final EntityCache entities;
  private final Renderer render;

  public Listings(CatalogSearch search, EntityCache entities, Renderer render) {
    this.search = search;
    this.entities = entities;
    this.render = render;
  }

  public PageEnvelope<TrackView> tracks(TrackQuery.Builder query, Paging paging) {
    SearchResult r = search.tracks(query.page(paging.offset(), paging.size()).build());
    return PageEnvelope.of(render.tracks(entities.tracks(r.ids())), paging, r.total());
  }

  public PageEnvelope<AlbumView> albums(EntityQuery.Builder query, Paging paging) {
    SearchResult r = search.albums(query.page(paging.offset(), paging.size()).build());
    return PageEnvelope.of(render.albums(entities.albums(r.ids())), paging, r.total());
  }

  public PageEnvelope<ArtistView> artists(EntityQuery.Builder query, Paging paging) {
    SearchResult r = search.artists(query.page(paging.offset(), paging.size()).build());
    return PageEnvelope.of(render.artists(entities.artists(r.ids())), paging, r.total());
  }

  public PageEnvelope<TrackView> searchTracks(SearchRequest s) {
    return s.name() == null
        ? PageEnvelope.of(List.of(), s.paging(), 0)
        : tracks(TrackQuery.builder().name(s.name()).sortBy(TrackSort.NAME, false), s.paging());
  }

  public PageEnvelope<AlbumView> searchAlbums(SearchRequest s) {
    return s.name() == null
        ? PageEnvelope.of(List.of(), s.paging(), 0)
        : albums(EntityQuery.builder().name(s.name()).sortBy(EntitySort.NAME, false), s.paging());
  }

  public PageEnvelope<ArtistView> searchArtists(SearchRequest s) {
    return s.name() == null
        ? PageEnvelope.of(List.of(), s.paging(), 0)
        : artists(EntityQuery.builder().name(s.name()).sortBy(EntitySort.NAME, false), s.paging());
  }
}
