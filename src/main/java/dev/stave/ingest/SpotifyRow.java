package dev.stave.ingest;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.ReleaseDate;
import java.util.UUID;

/**
 * One track row of a Spotify-style CSV, whichever of the known layouts it came from. Fields a
 * layout lacks are null.
 */
record SpotifyRow(
    String spotifyId,
    UUID uuid,
    String name,
    String artist,
    String albumSpotifyId,
    String album,
    ReleaseDate releaseDate,
    Integer disc,
    Integer position,
    Long durationMs,
    Boolean explicit,
    Double popularity,
    AudioFeatures features,
    SourceRef source) {

  /** This row completed by another row of the same track: fields this row lacks are taken. */
  SpotifyRow mergedWith(SpotifyRow o) {
    return new SpotifyRow(
        spotifyId,
        first(uuid, o.uuid),
        first(name, o.name),
        first(artist, o.artist),
        first(albumSpotifyId, o.albumSpotifyId),
        first(album, o.album),
        first(releaseDate, o.releaseDate),
        first(disc, o.disc),
        first(position, o.position),
        first(durationMs, o.durationMs),
        first(explicit, o.explicit),
        first(popularity, o.popularity),
        features.isEmpty() ? o.features : features,
        source);
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
