package dev.stave.reccobeats.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The resource objects of the dialect (spec §2), field names and order as served by ReccoBeats.
 * Optional fields are always present, {@code null} when unknown.
 */
public final class Views {
  private Views() {}

  /** An artist; nothing else (no genres, images, followers). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"id", "name", "href"})
  public record ArtistView(
      @Schema(description = "ReccoBeats id (UUID)") String id,
      String name,
      @Schema(
              description =
                  "https://open.spotify.com/artist/<spotifyId> when the Spotify id is known,"
                      + " else this server's /v1/artist/<id>")
          String href) {}

  /** A track. {@code ean} and {@code upc} are barcodes of releases, null on tracks. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({
    "id",
    "trackTitle",
    "artists",
    "durationMs",
    "isrc",
    "ean",
    "upc",
    "href",
    "availableCountries",
    "popularity"
  })
  public record TrackView(
      @Schema(description = "ReccoBeats id (UUID)") String id,
      String trackTitle,
      List<ArtistView> artists,
      long durationMs,
      String isrc,
      String ean,
      String upc,
      @Schema(
              description =
                  "https://open.spotify.com/track/<spotifyId> when the Spotify id is known,"
                      + " else this server's /v1/track/<id>")
          String href,
      @Schema(description = "ISO 3166-1 alpha-2 codes joined by commas, may be empty")
          String availableCountries,
      @Schema(description = "0–100") int popularity) {}

  /**
   * An album. {@code releaseDate} is a local date-time at midnight of the first day the precision
   * ({@code releaseDateFormat}: day, month, year) allows.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({
    "id",
    "albumType",
    "artists",
    "totalTracks",
    "href",
    "name",
    "availableCountries",
    "releaseDate",
    "releaseDateFormat",
    "isrc",
    "ean",
    "upc",
    "label",
    "popularity"
  })
  public record AlbumView(
      @Schema(description = "ReccoBeats id (UUID)") String id,
      @Schema(description = "album, single or compilation") String albumType,
      List<ArtistView> artists,
      int totalTracks,
      @Schema(
              description =
                  "https://open.spotify.com/album/<spotifyId> when the Spotify id is known,"
                      + " else this server's /v1/album/<id>")
          String href,
      String name,
      @Schema(description = "ISO 3166-1 alpha-2 codes joined by commas, may be empty")
          String availableCountries,
      @Schema(description = "e.g. 2022-04-20T00:00:00") String releaseDate,
      @Schema(description = "day, month or year") String releaseDateFormat,
      String isrc,
      String ean,
      String upc,
      String label,
      @Schema(description = "0–100") int popularity) {}

  /** Audio features of a catalog track (no time_signature, duration, type or uri). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({
    "id",
    "href",
    "isrc",
    "acousticness",
    "danceability",
    "energy",
    "instrumentalness",
    "key",
    "liveness",
    "loudness",
    "mode",
    "speechiness",
    "tempo",
    "valence"
  })
  public record AudioFeaturesView(
      @Schema(description = "ReccoBeats id (UUID) of the track") String id,
      @Schema(description = "the track's href, the join key back to Spotify ids") String href,
      String isrc,
      Double acousticness,
      Double danceability,
      Double energy,
      Double instrumentalness,
      @Schema(description = "pitch class −1…11, −1 = no key detected") Integer key,
      Double liveness,
      @Schema(description = "dB") Double loudness,
      @Schema(description = "0 = minor, 1 = major") Integer mode,
      Double speechiness,
      @Schema(description = "BPM") Double tempo,
      Double valence) {}
}
