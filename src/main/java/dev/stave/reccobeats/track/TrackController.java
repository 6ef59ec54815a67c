package dev.stave.reccobeats.track;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.reccobeats.api.ApiDocs;
import dev.stave.reccobeats.api.Envelopes.ListEnvelope;
import dev.stave.reccobeats.api.Envelopes.PageEnvelope;
import dev.stave.reccobeats.api.Ids;
import dev.stave.reccobeats.api.Listings;
import dev.stave.reccobeats.api.Lookup;
import dev.stave.reccobeats.api.PageParams;
import dev.stave.reccobeats.api.Paging;
import dev.stave.reccobeats.api.ReccoBeatsCode;
import dev.stave.reccobeats.api.ReccoBeatsException;
import dev.stave.reccobeats.api.Renderer;
import dev.stave.reccobeats.api.SearchRequest;
import dev.stave.reccobeats.api.Views.AlbumView;
import dev.stave.reccobeats.api.Views.AudioFeaturesView;
import dev.stave.reccobeats.api.Views.TrackView;
import dev.stave.recommend.RecommendationRequest;
import dev.stave.recommend.Recommendations;
import dev.stave.recommend.Recommender;
import dev.stave.search.EntityQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tracks (spec E1–E5), recommendations (E6) and the batch of audio features (E7). */
@RestController
@Tag(
    name = "Track",
    description = "Tracks by id, their album and audio features, title search, recommendations")
public class TrackController {
  private final Lookup lookup;
  private final Listings listings;
  private final Renderer render;
  private final Recommender recommender;
  private final EntityCache entities;

  public TrackController(
      Lookup lookup,
      Listings listings,
      Renderer render,
      Recommender recommender,
      EntityCache entities) {
    this.lookup = lookup;
    this.listings = listings;
    this.render = render;
    this.recommender = recommender;
    this.entities = entities;
  }

  @GetMapping("/v1/track")
  @Operation(summary = "Several tracks", description = "Tracks by ReccoBeats or Spotify ids.")
  public ListEnvelope<TrackView> getTracks(
      @Parameter(description = ApiDocs.IDS) @RequestParam List<String> ids) {
    return new ListEnvelope<>(render.tracks(lookup.tracks(Ids.parse(ids))));
  }

  @GetMapping("/v1/track/{id}")
  @Operation(summary = "One track", description = "404 (code 4041) when the id names no track.")
  public TrackView getTrack(@Parameter(description = ApiDocs.PATH_ID) @PathVariable String id) {
    return render.track(lookup.track(id));
  }

  @GetMapping("/v1/track/{id}/album")
  @Operation(
      summary = "Albums of a track",
      description = "The album the track appears on (none for a track released on its own).")
  public PageEnvelope<AlbumView> getTrackAlbums(
      @Parameter(description = ApiDocs.PATH_ID) @PathVariable String id, PageParams params) {
    Paging paging = params.paging();
    Track track = lookup.track(id);
    if (track.albumId() == null) {
      return PageEnvelope.of(List.of(), paging, 0);
    }
    return listings.albums(EntityQuery.builder().ids(Set.of(track.albumId())), paging);
  }

  @GetMapping("/v1/track/{id}/audio-features")
  @Operation(
      summary = "Audio features of a track",
      description = "404 (code 4041) when the track is unknown or has no features.")
  public AudioFeaturesView getTrackAudioFeatures(
      @Parameter(description = ApiDocs.PATH_ID) @PathVariable String id) {
    AudioFeaturesView features = render.features(lookup.track(id));
    if (features == null) {
      throw new ReccoBeatsException(
          ReccoBeatsCode.NOT_FOUND, "Cannot find any audio features for track " + id);
    }
    return features;
  }

  @GetMapping("/v1/track/search")
  @Operation(
      summary = "Search tracks by title",
      description = "Case-insensitive substring of the track title only, in title order.")
  public PageEnvelope<TrackView> searchTrack(
      @Parameter(description = ApiDocs.SEARCH_TEXT) @RequestParam String searchText,
      PageParams params) {
    return listings.searchTracks(SearchRequest.of(searchText, params));
  }

  @GetMapping("/v1/track/recommendation")
  @Operation(
      summary = "Recommended tracks",
      description =
          "Tracks resembling the seeds, steered away from the negative seeds and toward the"
              + " feature targets; best first, never a seed, at most size (fewer when fewer"
              + " match), the same list for the same request on the same catalog. Seeds of"
              + " which none is known: 4002 \"Cannot find any track for given seed ids\".")
  public ListEnvelope<TrackView> getRecommendation(RecommendationParams params) {
    RecommendationParams.Valid valid = params.validate();
    List<Track> seeds = lookup.tracks(valid.seeds());
    if (seeds.isEmpty()) {
      throw new ReccoBeatsException(
          ReccoBeatsCode.BAD_REQUEST, "Cannot find any track for given seed ids");
    }
    List<Track> negatives =
        valid.negativeSeeds().values().isEmpty() ? List.of() : lookup.tracks(valid.negativeSeeds());
    Recommendations r =
        recommender.recommend(
            RecommendationRequest.builder()
                .seeds(seeds.stream().map(Track::id).toList())
                .negativeSeeds(negatives.stream().map(Track::id).toList())
                .targets(valid.targets())
                .popularity(valid.popularity())
                .featureWeight(valid.featureWeight())
                .size(valid.size())
                .build(),
            seeds,
            negatives);
    return new ListEnvelope<>(render.tracks(entities.tracks(r.trackIds())));
  }

  @GetMapping("/v1/audio-features")
  @Operation(
      summary = "Audio features of several tracks",
      description = "Tracks without features are left out like unknown ids.")
  public ListEnvelope<AudioFeaturesView> getAudioFeatures(
      @Parameter(description = ApiDocs.IDS) @RequestParam List<String> ids) {
    return new ListEnvelope<>(
        lookup.tracks(Ids.parse(ids)).stream()
            .map(render::features)
            .filter(Objects::nonNull)
            .toList());
  }
}
