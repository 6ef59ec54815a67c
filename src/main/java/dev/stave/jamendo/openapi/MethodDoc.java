package dev.stave.jamendo.openapi;

import java.util.List;
import java.util.Map;

/**
 * What a Jamendo read method does (spec §8), for the OpenAPI description: a summary, the parameters
 * it requires beside {@code client_id}, and the alternatives of which at least one must be given.
 */
public record MethodDoc(String summary, List<String> required, List<String> oneOf) {
  private static MethodDoc of(String summary) {
    return new MethodDoc(summary, List.of(), List.of());
  }

  private static MethodDoc requiring(String summary, String... required) {
    return new MethodDoc(summary, List.of(required), List.of());
  }

  private static MethodDoc oneOf(String summary, String... alternatives) {
    return new MethodDoc(summary, List.of(), List.of(alternatives));
  }

  private static final Map<String, MethodDoc> METHODS =
      Map.ofEntries(
          Map.entry("albums", of("Albums, filtered and sorted")),
          Map.entry(
              "albums/file",
              requiring("Redirect to an album's zip (HTTP 302; 404 when not downloadable)", "id")),
          Map.entry("albums/tracks", of("Albums with their tracks")),
          Map.entry("albums/musicinfo", of("Albums with their tags and descriptions")),
          Map.entry("artists", of("Artists, filtered and sorted")),
          Map.entry("artists/tracks", of("Artists with their tracks")),
          Map.entry("artists/albums", of("Artists with their albums")),
          Map.entry("artists/locations", of("Artists with their declared locations")),
          Map.entry("artists/musicinfo", of("Artists with their tags and descriptions")),
          Map.entry(
              "autocomplete",
              requiring("Completions of artist, album and track names and tags", "prefix")),
          Map.entry("feeds", of("Editorial feeds active now")),
          Map.entry("playlists", of("User playlists")),
          Map.entry(
              "playlists/file",
              requiring(
                  "Redirect to a playlist's zip (HTTP 302; 404 when not downloadable)", "id")),
          Map.entry(
              "playlists/tracks",
              oneOf(
                  "Playlists with their tracks",
                  "id",
                  "name",
                  "user_id",
                  "access_token",
                  "user_name")),
          Map.entry("radios", of("The server's radios")),
          Map.entry(
              "radios/stream",
              oneOf("Radios with their stream URL and the track playing now", "id", "name")),
          Map.entry("reviews/albums", of("Album reviews")),
          Map.entry("reviews/tracks", of("Track reviews")),
          Map.entry("tracks", of("Tracks: search, filters, tags, charts")),
          Map.entry(
              "tracks/file",
              requiring(
                  "Redirect to a track's audio (HTTP 302; 404 when missing or not downloadable)",
                  "id")),
          Map.entry("tracks/similar", requiring("Tracks similar to one track", "id")),
          Map.entry("users", oneOf("Users", "id", "access_token", "name")),
          Map.entry(
              "users/artists",
              oneOf("Users with the artists they are fans of", "id", "access_token", "name")),
          Map.entry(
              "users/albums",
              oneOf("Users with the albums in their collection", "id", "access_token", "name")),
          Map.entry(
              "users/tracks",
              oneOf(
                  "Users with the tracks they liked, favorited or reviewed",
                  "id",
                  "access_token")));

  /** The method's documentation, or a plain one naming the path. */
  public static MethodDoc forPath(String path) {
    return METHODS.getOrDefault(path, of("GET /v3.0/" + path));
  }
}
