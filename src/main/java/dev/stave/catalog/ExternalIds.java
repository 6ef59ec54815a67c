package dev.stave.catalog;

/** Identifiers of an entity in other systems; any may be null. */
public record ExternalIds(String spotifyId, String isrc, String musicbrainzId) {
  public static final ExternalIds NONE = new ExternalIds(null, null, null);
}
