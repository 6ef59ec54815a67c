package dev.stave.search;

/**
 * What albums and artists can be sorted by. For artists {@link #RELEASE_DATE} is the join date.
 * {@link #RELEVANCE} only differs from id order when the query has a full-text part.
 */
public enum EntitySort {
  RELEVANCE(TrackSort.RELEVANCE),
  ID(TrackSort.ID),
  NAME(TrackSort.NAME),
  RELEASE_DATE(TrackSort.RELEASE_DATE),
  POPULARITY(TrackSort.POPULARITY),
  /** Albums: by primary artist id or name. */
  ARTIST_ID(TrackSort.ARTIST_ID),
  ARTIST_NAME(TrackSort.ARTIST_NAME);

  private final TrackSort same;

  EntitySort(TrackSort same) {
    this.same = same;
  }

  /** The track sort on the same field: album and artist documents share those field names. */
  TrackSort asTrackSort() {
    return same;
  }
}
