package dev.stave.site.playground;

import dev.stave.recommend.Recommendation;
import dev.stave.recommend.RecommendationRequest;
import dev.stave.recommend.Recommendations;
import dev.stave.recommend.Recommender;
import dev.stave.search.CatalogSearch;
import dev.stave.search.NameMatch;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import dev.stave.site.TrackRow;
import dev.stave.site.TrackRows;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /playground}: the recommendation playground. Pick up to five seed tracks (a search that
 * suggests as you type), switch on and move targets (energy, valence, tempo …, {@link Target}), and
 * the list of recommendations — the same {@code recommend.Recommender} the ReccoBeats dialect
 * answers with — follows, each track playable.
 *
 * <p>The whole state is in the URL ({@link PlaygroundState}), so it works as a plain GET form
 * without script, can be shared, and the back button walks through it. With htmx, a moved slider
 * asks for the same URL and swaps only the list ({@code #results}), pushing the URL; typing in the
 * search asks {@code /playground/seeds} for the suggestions only.
 *
 * <p>Decision: bad parameters are reported next to their field on a 200 page rather than as a 400
 * page: the playground is one form, every other part of it still answers, and htmx swaps only
 * successful answers, so a 400 would leave the visitor with a stale list and no word why.
 */
@Controller
public class PlaygroundController {
  static final int RESULTS = 20;
  static final int SUGGESTIONS = 8;

  private final Recommender recommender;
  private final CatalogSearch search;
  private final TrackRows rows;

  public PlaygroundController(Recommender recommender, CatalogSearch search, TrackRows rows) {
    this.recommender = recommender;
    this.search = search;
    this.rows = rows;
  }

  @GetMapping(PlaygroundState.PATH)
  public String playground(@RequestParam MultiValueMap<String, String> params, Model model) {
    PlaygroundState state = PlaygroundState.parse(params);
    List<TrackRow> seeds = rows.ofIds(state.seeds());
    if (seeds.size() < state.seeds().size()) {
      Set<Long> known = seeds.stream().map(TrackRow::id).collect(Collectors.toSet());
      List<Long> unknown = state.seeds().stream().filter(id -> !known.contains(id)).toList();
      Map<String, String> errors = new LinkedHashMap<>(state.errors());
      errors.putIfAbsent("seed", "seed: no track " + unknown.getFirst() + " in this catalog.");
      state =
          new PlaygroundState(
              seeds.stream().map(TrackRow::id).toList(),
              state.q(),
              state.values(),
              state.active(),
              state.weight(),
              errors);
    }
    List<TrackRow> results = List.of();
    Map<Long, Double> scores = Map.of();
    if (!state.seeds().isEmpty()) {
      Recommendations recommended =
          recommender.recommend(
              RecommendationRequest.builder()
                  .seeds(state.seeds())
                  .targets(Target.features(state.active()))
                  .popularity(state.active().get(Target.POPULARITY))
                  .featureWeight(state.weight())
                  .size(RESULTS)
                  .build());
      results = rows.ofIds(recommended.trackIds());
      scores =
          recommended.items().stream()
              .collect(
                  Collectors.toMap(Recommendation::trackId, Recommendation::score, (a, b) -> a));
    }
    model.addAttribute("state", state);
    model.addAttribute("targets", Target.values());
    model.addAttribute("seeds", seeds);
    model.addAttribute("seedIds", TrackRow.playableIds(seeds));
    model.addAttribute("results", results);
    model.addAttribute("resultIds", TrackRow.playableIds(results));
    model.addAttribute("scores", scores);
    suggestions(state, model);
    return "playground";
  }

  /** The suggestions of the seed search alone, for htmx as the visitor types. */
  @GetMapping(PlaygroundState.PATH + "/seeds")
  public String seeds(@RequestParam MultiValueMap<String, String> params, Model model) {
    suggestions(PlaygroundState.parse(params), model);
    return "playground :: suggestions";
  }

  private void suggestions(PlaygroundState state, Model model) {
    model.addAttribute("state", state);
    model.addAttribute("suggestions", rows.ofIds(suggest(state)));
  }

  /**
   * Tracks matching the search text (whole words over names and tags; failing that, names that
   * start with it, as while a word is still being typed), or with no text and no seed yet, the most
   * popular tracks as starting points.
   */
  private List<Long> suggest(PlaygroundState state) {
    if (state.full() || (state.q().isEmpty() && !state.seeds().isEmpty())) {
      return List.of();
    }
    Set<Long> exclude = new HashSet<>(state.seeds());
    TrackQuery.Builder query = TrackQuery.builder().excludeIds(exclude).page(0, SUGGESTIONS);
    if (state.q().isEmpty()) {
      return search.tracks(query.sortBy(TrackSort.POPULARITY, true).build()).ids();
    }
    List<Long> found = search.tracks(query.text(state.q()).build()).ids();
    if (found.isEmpty() && NameMatch.comparable(state.q())) {
      found =
          search
              .tracks(
                  TrackQuery.builder()
                      .excludeIds(exclude)
                      .name(NameMatch.prefix(state.q()))
                      .page(0, SUGGESTIONS)
                      .build())
              .ids();
    }
    return found;
  }
}
