package dev.stave.search;

import java.util.Map;
import java.util.Set;

/**
 * Candidates for a similarity ranking, gathered from two sources in one pass over the index: the
 * {@code nearest} tracks to {@code vector} (HNSW kNN) and the {@code tagged} tracks sharing the
 * highest total weight of {@code facets} (ties: more popular first, then lower id). Both sources
 * apply the same filter inside the search. Every candidate comes back with its facet score under
 * {@code facets} and {@code penalties}, whichever source found it.
 *
 * @param filter conditions every candidate meets (its ranking, sort and paging are ignored); null =
 *     every track
 * @param excludeIds tracks never returned (seeds, for instance)
 * @param excludeArtistIds tracks by any of these artists (any credited artist) are not returned
 * @param excludeAlbumIds tracks on any of these albums are not returned
 * @param vector normalised feature vector ({@link FeatureVector}) to search around; null = no kNN
 * @param nearest how many nearest neighbours to take (0 = none)
 * @param facets weight of each facet (positive); a candidate's facet score is the sum of the
 *     weights of the facets it has
 * @param penalties weights scored like {@code facets} but never used to find candidates
 * @param tagged how many candidates to take by facet score (0 = none)
 */
public record NeighbourQuery(
    TrackQuery filter,
    Set<Long> excludeIds,
    Set<Long> excludeArtistIds,
    Set<Long> excludeAlbumIds,
    float[] vector,
    int nearest,
    Map<Facet, Float> facets,
    Map<Facet, Float> penalties,
    int tagged) {

  public NeighbourQuery {
    excludeIds = excludeIds == null ? Set.of() : Set.copyOf(excludeIds);
    excludeArtistIds = excludeArtistIds == null ? Set.of() : Set.copyOf(excludeArtistIds);
    excludeAlbumIds = excludeAlbumIds == null ? Set.of() : Set.copyOf(excludeAlbumIds);
    facets = facets == null ? Map.of() : Map.copyOf(facets);
    penalties = penalties == null ? Map.of() : Map.copyOf(penalties);
    vector = vector == null ? null : vector.clone();
    if (vector != null && vector.length != FeatureVector.DIMENSIONS) {
      throw new IllegalArgumentException("vector: " + FeatureVector.DIMENSIONS + " dimensions");
    }
    if (nearest < 0 || tagged < 0) {
      throw new IllegalArgumentException("candidate counts must not be negative");
    }
    for (Map<Facet, Float> m : java.util.List.of(facets, penalties)) {
      if (m.values().stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
        throw new IllegalArgumentException("facet weights must be positive and finite");
      }
    }
  }
}
