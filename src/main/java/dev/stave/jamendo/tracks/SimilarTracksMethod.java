package dev.stave.jamendo.tracks;

import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.recommend.Recommendation;
import dev.stave.recommend.RecommendationRequest;
import dev.stave.recommend.Recommendations;
import dev.stave.recommend.Recommender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/tracks/similar} (spec §8.21): tracks similar to one track, from the core's
 * {@link Recommender}, rendered as {@code /tracks} renders them plus a float {@code score} (≤ 1,
 * descending).
 *
 * <p>Where the spec is silent: an unknown seed id gives an empty result list (code 0), as a search
 * without matches does; the list holds at most {@value RecommendationRequest#MAX_SIZE} tracks, so
 * {@code offset} beyond it returns nothing and {@code fullcount} counts at most that many; tags and
 * musicinfo weigh {@value #TAG_SHARE} of the score where the seed also has audio features (the
 * spec: "mainly tag-based"); {@code no_artist} drops tracks crediting that artist, {@code no_album}
 * tracks on that album. There is no {@code order}: results are always by score.
 */
@Component
public class SimilarTracksMethod implements JamendoMethod {
  static final double TAG_SHARE = 0.6;

  private final Recommender recommender;
  private final TrackPages pages;

  public SimilarTracksMethod(Recommender recommender, TrackPages pages) {
    this.recommender = recommender;
    this.pages = pages;
  }

  @Override
  public String path() {
    return "tracks/similar";
  }

  @Override
  public Set<String> parameters() {
    return Set.of(
        "client_id",
        "format",
        "callback",
        "offset",
        "limit",
        "fullcount",
        "imagesize",
        "audioformat",
        "audiodlformat",
        "include",
        "id",
        "no_artist",
        "no_album");
  }

  @Override
  public String itemName() {
    return "track";
  }

  @Override
  public Result execute(JamendoParams p) {
    p.required("id");
    long id = p.integer("id").orElseThrow();
    JamendoParams.Paging paging = p.paging();
    boolean fullcount = p.fullcount();
    TrackView.Options options = TracksMethod.options(p);
    RecommendationRequest.Builder request =
        RecommendationRequest.builder()
            .seeds(id)
            .tagShare(TAG_SHARE)
            .size(
                (int)
                    Math.max(
                        1,
                        Math.min(
                            paging.offset() + paging.limit(), RecommendationRequest.MAX_SIZE)));
    p.integer("no_artist").ifPresent(a -> request.excludeArtists(List.of(a)));
    p.integer("no_album").ifPresent(a -> request.excludeAlbums(List.of(a)));
    Recommendations r = recommender.recommend(request.build());

    List<Recommendation> page =
        r.items().stream().skip(paging.offset()).limit(paging.limit()).toList();
    Map<String, Double> scores = new HashMap<>();
    page.forEach(x -> scores.put(String.valueOf(x.trackId()), round(x.score())));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> track :
        pages.render(page.stream().map(Recommendation::trackId).toList(), options)) {
      track.put("score", scores.get((String) track.get("id")));
      out.add(track);
    }
    return Result.of(out, fullcount ? (long) r.available() : null);
  }

  /** Six decimals: enough to keep the order visible, without float noise on the wire. */
  private static double round(double score) {
    return Math.round(score * 1e6) / 1e6;
  }
}
