package dev.stave.recommend;

import java.util.List;

/**
 * The answer to a {@link RecommendationRequest}.
 *
 * @param items at most {@code size} recommendations, best first (score descending)
 * @param available how many tracks the engine ranked for this request, at most {@link
 *     RecommendationRequest#MAX_SIZE}, whatever {@code size} was: asking again with a larger size
 *     returns the same list, longer, up to this many
 * @param resolvedSeeds the seed ids found in the catalog, in request order; empty means no seed was
 *     known and {@code items} is empty
 */
public record Recommendations(List<Recommendation> items, int available, List<Long> resolvedSeeds) {
  public Recommendations {
    items = List.copyOf(items);
    resolvedSeeds = List.copyOf(resolvedSeeds);
  }

  static Recommendations none() {
    return new Recommendations(List.of(), 0, List.of());
  }

  public List<Long> trackIds() {
    return items.stream().map(Recommendation::trackId).toList();
  }
}
