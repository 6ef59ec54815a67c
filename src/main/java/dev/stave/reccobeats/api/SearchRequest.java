package dev.stave.reccobeats.api;

import dev.stave.search.NameMatch;

/**
 * The parameters of the search endpoints: {@code searchText} (required, not blank, at most {@value
 * #MAX_TEXT} characters) and the paging. Matching is a case- and accent-insensitive substring test
 * on the name alone, answered by the index's trigram field; results come in name order (ReccoBeats
 * does not rank them by relevance either).
 *
 * @param name the name condition; null when the text has nothing to match on (only combining
 *     marks), which matches nothing
 */
public record SearchRequest(NameMatch name, Paging paging) {
  public static final int MAX_TEXT = 1000;

  public static SearchRequest of(String searchText, PageParams params) {
    ValidationException.Collector checks =
        new ValidationException.Collector().notBlank("searchText", searchText);
    if (searchText != null && !searchText.isBlank()) {
      checks.size("searchText", searchText.length(), 1, MAX_TEXT);
    }
    Paging paging = params.paging(checks);
    NameMatch name;
    try {
      name = NameMatch.substring(searchText);
    } catch (IllegalArgumentException e) {
      name = null;
    }
    return new SearchRequest(name, paging);
  }
}
