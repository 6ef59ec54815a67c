package dev.stave.reccobeats.api;

/** Parameter descriptions shared by the dialect's OpenAPI annotations. */
public final class ApiDocs {
  private ApiDocs() {}

  public static final String IDS =
      "1…40 ReccoBeats ids (UUIDs) or Spotify ids, repeated (ids=a&ids=b) or comma-separated"
          + " (ids=a,b); unknown ids are left out, rows come in request order";
  public static final String PATH_ID = "ReccoBeats id (UUID); Spotify ids are not resolved here";
  public static final String SEARCH_TEXT =
      "text the name must contain, case-insensitive, 1…1000 characters";
}
