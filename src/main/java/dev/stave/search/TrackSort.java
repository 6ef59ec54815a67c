package dev.stave.search;

import java.util.Locale;

/**
 * What tracks can be sorted by. {@link #RELEVANCE} is the query score (full-text relevance, tag
 * overlap, similarity, optionally blended with a popularity figure); every other key is a doc-value
 * field. Counters marked {@link #boostable()} can also be blended into relevance (see {@link
 * TrackQuery#boost()}).
 */
public enum TrackSort {
  RELEVANCE(Type.SCORE, null, false),
  ID(Type.LONG, IndexFields.ID, false),
  NAME(Type.STRING, IndexFields.NAME_KEY, false),
  ALBUM_NAME(Type.STRING, IndexFields.ALBUM_NAME_KEY, false),
  ARTIST_NAME(Type.STRING, IndexFields.ARTIST_NAME_KEY, false),
  RELEASE_DATE(Type.LONG, IndexFields.RELEASE_DATE, false),
  DURATION(Type.LONG, IndexFields.DURATION_MS, false),
  ALBUM_ID(Type.LONG, IndexFields.ALBUM_ID, false),
  /** Position on the album. */
  POSITION(Type.LONG, IndexFields.POSITION, false),
  ARTIST_ID(Type.LONG, IndexFields.PRIMARY_ARTIST_ID, false),
  POPULARITY(Type.DOUBLE, IndexFields.POPULARITY, true),
  LISTENS_WEEK(Type.LONG, "listens_week", true),
  LISTENS_MONTH(Type.LONG, "listens_month", true),
  LISTENS_TOTAL(Type.LONG, "listens_total", true),
  DOWNLOADS_WEEK(Type.LONG, "downloads_week", true),
  DOWNLOADS_MONTH(Type.LONG, "downloads_month", true),
  DOWNLOADS_TOTAL(Type.LONG, "downloads_total", true),
  PLAYLISTED(Type.LONG, "playlisted", true),
  FAVORITED(Type.LONG, "favorited", true),
  LIKES(Type.LONG, "likes", true),
  DISLIKES(Type.LONG, "dislikes", false),
  ACOUSTICNESS(Type.DOUBLE, "acousticness", false),
  DANCEABILITY(Type.DOUBLE, "danceability", false),
  ENERGY(Type.DOUBLE, "energy", false),
  INSTRUMENTALNESS(Type.DOUBLE, "instrumentalness", false),
  KEY(Type.DOUBLE, "musical_key", false),
  LIVENESS(Type.DOUBLE, "liveness", false),
  LOUDNESS(Type.DOUBLE, "loudness", false),
  MODE(Type.DOUBLE, "mode", false),
  SPEECHINESS(Type.DOUBLE, "speechiness", false),
  TEMPO(Type.DOUBLE, "tempo", false),
  VALENCE(Type.DOUBLE, "valence", false);

  enum Type {
    SCORE,
    LONG,
    DOUBLE,
    STRING
  }

  private final Type type;
  private final String field;
  private final boolean boostable;

  TrackSort(Type type, String field, boolean boostable) {
    this.type = type;
    this.field = field;
    this.boostable = boostable;
  }

  Type type() {
    return type;
  }

  String field() {
    return field;
  }

  /** Whether this figure can be blended into relevance as a static ranking signal. */
  public boolean boostable() {
    return boostable;
  }

  /** Name of the figure inside the {@link IndexFields#RANK_SIGNALS} feature field. */
  String signal() {
    return name().toLowerCase(Locale.ROOT);
  }
}
