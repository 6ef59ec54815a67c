package dev.stave.search;

import java.util.List;

/**
 * A page of results in order, and the total number of matches (exact, whatever the page). Callers
 * hydrate the ids through {@code CatalogStore}.
 */
public record SearchResult(List<Hit> hits, long total) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  public List<Long> ids() {
    return hits.stream().map(Hit::id).toList();
  }
}
