package dev.stave.reccobeats.album;

import dev.stave.catalog.Album;
import dev.stave.catalog.Track;
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
import dev.stave.reccobeats.api.Views.TrackView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Albums (spec E14–E17). An album's tracks come in disc and track-number order (tracks without a
 * number last, then by id): the index finds the album's tracks, the order is applied to the whole
 * track list of the album, which is read from the store — albums are small.
 */
@RestController
@Tag(name = "Album", description = "Albums by id, name search, their tracks")
public class AlbumController {
  private static final Comparator<Track> TRACK_ORDER =
      Comparator.comparingInt((Track t) -> t.disc() == null ? 1 : t.disc())
          .thenComparing(Track::position, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(Track::id);

  private final Lookup lookup;
  private final Listings listings;
  private final Renderer render;

  public AlbumController(Lookup lookup, Listings listings, Renderer render) {
    this.lookup = lookup;
    this.listings = listings;
    this.render = render;
  }

  @GetMapping("/v1/album")
  @Operation(summary = "Several albums", description = "Albums by ReccoBeats or Spotify ids.")
  public ListEnvelope<AlbumView> getAlbums(
      @Parameter(description = ApiDocs.IDS) @RequestParam List<String> ids) {
    return new ListEnvelope<>(render.albums(lookup.albums(Ids.parse(ids))));
  }

  @GetMapping("/v1/album/search")
  @Operation(
      summary = "Search albums by name",
      description = "Case-insensitive substring of the album name, in name order.")
  public PageEnvelope<AlbumView> searchAlbum(
      @Parameter(description = ApiDocs.SEARCH_TEXT) @RequestParam String searchText,
      PageParams params) {
    return listings.searchAlbums(SearchRequest.of(searchText, params));
  }

  @GetMapping("/v1/album/{id}")
  @Operation(summary = "One album", description = "404 (code 4041) when the id names no album.")
  public AlbumView getAlbum(@Parameter(description = ApiDocs.PATH_ID) @PathVariable String id) {
    return render.album(lookup.album(id));
  }

  @GetMapping("/v1/album/{id}/track")
  @Operation(summary = "Tracks of an album", description = "In disc and track-number order.")
  public PageEnvelope<TrackView> getAlbumTracks(
      @Parameter(description = ApiDocs.PATH_ID) @PathVariable String id, PageParams params) {
    Paging paging = params.paging();
    Album album = lookup.album(id);
    List<Track> tracks = new ArrayList<>(lookup.albumTracks(album));
    tracks.sort(TRACK_ORDER);
    int from = (int) Math.min(tracks.size(), (long) paging.offset());
    int to = Math.min(tracks.size(), from + paging.size());
    return PageEnvelope.of(render.tracks(tracks.subList(from, to)), paging, tracks.size());
  }
}
