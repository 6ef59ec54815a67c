package dev.stave.reccobeats.artist;

import dev.stave.reccobeats.api.ApiDocs;
import dev.stave.reccobeats.api.Envelopes.ListEnvelope;
import dev.stave.reccobeats.api.Envelopes.PageEnvelope;
import dev.stave.reccobeats.api.Ids;
import dev.stave.reccobeats.api.Listings;
import dev.stave.reccobeats.api.Lookup;
import dev.stave.reccobeats.api.PageParams;
import dev.stave.reccobeats.api.Paging;
import dev.stave.reccobeats.api.Renderer;
import dev.stave.reccobeats.api.SearchRequest;
import dev.stave.reccobeats.api.Views.AlbumView;
import dev.stave.reccobeats.api.Views.ArtistView;
import dev.stave.reccobeats.api.Views.TrackView;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Artists (spec E9–E13). An artist's albums are those listing it among their artists, newest
 * release first; its tracks every track it appears on, in title order.
 */
@RestController
@Tag(name = "Artist", description = "Artists by id, name search, their albums and tracks")
public class ArtistController {
  private final Lookup lookup;
  private final Listings listings;
  private final Renderer render;

  public ArtistController(Lookup lookup, Listings listings, Renderer render) {
    this.lookup = lookup;
    this.listings = listings;
    this.render = render;
  }

  @GetMapping("/v1/artist")
  @Operation(summary = "Several artists", description = "Artists by ReccoBeats or Spotify ids.")
  public ListEnvelope<ArtistView> getArtists(
      @Parameter(description = ApiDocs.IDS) @RequestParam List<String> ids) {
    return new ListEnvelope<>(render.artists(lookup.artists(Ids.parse(ids))));
  }

  @GetMapping("/v1/artist/search")
  @Operation(
      summary = "Search artists by name",
      description = "Case-insensitive substring of the artist name, in name order.")
  public PageEnvelope<ArtistView> searchArtist(
      @Parameter(description = ApiDocs.SEARCH_TEXT) @RequestParam String searchText,
      PageParams params) {
    return listings.searchArtists(SearchRequest.of(searchText, params));
  }

  @GetMapping("/v1/artist/{id}")
  @Operation(summary = "One artist", description = "404 (code 4041) when the id names no artist.")
  public ArtistView getArtist(@Parameter(description = ApiDocs.PATH_ID) @PathVariable String id) {
    return render.artist(lookup.artist(id));
  }

  @GetMapping("/v1/artist/{id}/album")
  @Operation(summary = "Albums of an artist", description = "Newest release first.")
  public PageEnvelope<AlbumView> getArtistAlbums(
      @Parameter(description = ApiDocs.PATH_ID) @PathVariable String id, PageParams params) {
    Paging paging = params.paging();
    long artist = lookup.artist(id).id();
    return listings.albums(
        EntityQuery.builder().artistIds(Set.of(artist)).sortBy(EntitySort.RELEASE_DATE, true),
        paging);
  }

  @GetMapping("/v1/artist/{id}/track")
  @Operation(
      summary = "Tracks of an artist",
      description = "Every track the artist appears on, in title order.")
  public PageEnvelope<TrackView> getArtistTracks(
      @Parameter(description = ApiDocs.PATH_ID) @PathVariable String id, PageParams params) {
    Paging paging = params.paging();
    long artist = lookup.artist(id).id();
    return listings.tracks(
        TrackQuery.builder().artistIds(Set.of(artist)).sortBy(TrackSort.NAME, false), paging);
  }
}
